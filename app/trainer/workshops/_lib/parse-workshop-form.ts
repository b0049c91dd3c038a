import { formNumber, formText, type TFormFields } from '@/app/trainer/_components/form-data';
import type { TWorkshopCreate } from '@/lib/workshops/schemas';

/** What the workshop form gives createWorkshop / updateWorkshop: every field but the slug. */
export type TWorkshopFormInput = Omit<Required<TWorkshopCreate>, 'slug'> & Pick<TWorkshopCreate, 'slug'>;

/**
 * The workshop form's FormData in the domain's shape. Numbers that are not numbers become NaN so
 * the schema words the message; an empty slug is left out (generated on create, kept on edit).
 */
export function parseWorkshopForm(form: TFormFields): TWorkshopFormInput {
  const slug = formText(form, 'slug').trim();
  const duration = formText(form, 'durationMinutes').trim();
  const credit = formText(form, 'creditHours').trim();
  const minimum = formText(form, 'minimumCertificateHours').trim();
  const topics = formText(form, 'topics')
    .split(/[,\r\n]+/)
    .map((topic) => topic.trim().toLowerCase())
    .filter(Boolean);
  return {
    title: formText(form, 'title'),
    ...(slug ? { slug } : {}),
    summary: formText(form, 'summary'),
    descriptionMarkdown: formText(form, 'descriptionMarkdown'),
    learningObjectives: formText(form, 'learningObjectives')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    audience: formText(form, 'audience'),
    topics: [...new Set(topics)],
    durationMinutes: duration ? formNumber(duration) : null,
    // Credit hours are never null in the domain: an emptied field means no credit.
    creditHours: credit ? formNumber(credit) : 0,
    creditCategory: formText(form, 'creditCategory'),
    // Empty: partial attendance of any length earns a certificate.
    minimumCertificateHours: minimum ? formNumber(minimum) : null,
    contentNotice: formText(form, 'contentNotice'),
    whatToBring: formText(form, 'whatToBring'),
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
