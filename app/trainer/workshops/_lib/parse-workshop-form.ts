import { formNumber, formText } from '@/app/trainer/_components/form-data';
import type { TWorkshopCreate } from '@/lib/workshops/schemas';

/** What the workshop form gives createWorkshop / updateWorkshop: every field but the slug. */
export type TWorkshopFormInput = Omit<Required<TWorkshopCreate>, 'slug'> & Pick<TWorkshopCreate, 'slug'>;

/**
 * The workshop form's FormData in the domain's shape. Numbers that are not numbers become NaN so
 * the schema words the message; an empty slug is left out (generated on create, kept on edit).
 */
export function parseWorkshopForm(formData: FormData): TWorkshopFormInput {
  const slug = formText(formData, 'slug').trim();
  const duration = formText(formData, 'durationMinutes').trim();
  const credit = formText(formData, 'creditHours').trim();
  const minimum = formText(formData, 'minimumCertificateHours').trim();
  const topics = formText(formData, 'topics')
    .split(/[,\r\n]+/)
    .map((topic) => topic.trim().toLowerCase())
    .filter(Boolean);
  return {
    title: formText(formData, 'title'),
    ...(slug ? { slug } : {}),
    summary: formText(formData, 'summary'),
    descriptionMarkdown: formText(formData, 'descriptionMarkdown'),
    learningObjectives: formText(formData, 'learningObjectives')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    audience: formText(formData, 'audience'),
    topics: [...new Set(topics)],
    durationMinutes: duration ? formNumber(duration) : null,
    // Credit hours are never null in the domain: an emptied field means no credit.
    creditHours: credit ? formNumber(credit) : 0,
    creditCategory: formText(formData, 'creditCategory'),
    // Empty: partial attendance of any length earns a certificate.
    minimumCertificateHours: minimum ? formNumber(minimum) : null,
    contentNotice: formText(formData, 'contentNotice'),
    whatToBring: formText(formData, 'whatToBring'),
  };
}

/** `learningObjectives.2` → the textarea, with the line named; `topics.1` → the topics input. */
export function workshopFieldName(key: string, message: string): [string, string] {
  const match = /^(learningObjectives|topics)\.(\d+)/.exec(key);
  if (!match) return [key, message];
  const [, field = key, index = '0'] = match;
  const which = field === 'topics' ? 'Topic' : 'Objective';
  return [field, `${which} ${Number(index) + 1}: ${message}`];
}
