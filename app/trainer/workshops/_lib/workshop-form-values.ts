import type { TWorkshopDto } from '@/lib/workshops/workshops';

/** A workshop as the form shows it: every field text, lists joined back into lines and commas. */
export type TWorkshopFormValues = {
  title: string;
  slug: string;
  summary: string;
  descriptionMarkdown: string;
  learningObjectives: string;
  audience: string;
  topics: string;
  durationMinutes: string;
  creditHours: string;
  creditCategory: string;
  minimumCertificateHours: string;
  contentNotice: string;
  whatToBring: string;
};

export const EMPTY_WORKSHOP: TWorkshopFormValues = {
  title: '',
  slug: '',
  summary: '',
  descriptionMarkdown: '',
  learningObjectives: '',
  audience: '',
  topics: '',
  durationMinutes: '',
  creditHours: '',
  creditCategory: '',
  minimumCertificateHours: '',
  contentNotice: '',
  whatToBring: '',
};

export function workshopFormValues(workshop: TWorkshopDto): TWorkshopFormValues {
  return {
    title: workshop.title,
    slug: workshop.slug,
    summary: workshop.summary,
    descriptionMarkdown: workshop.descriptionMarkdown,
    learningObjectives: workshop.learningObjectives.join('\n'),
    audience: workshop.audience,
    topics: workshop.topics.join(', '),
    durationMinutes: workshop.durationMinutes === null ? '' : String(workshop.durationMinutes),
    creditHours: workshop.creditHours ? String(workshop.creditHours) : '',
    creditCategory: workshop.creditCategory,
    minimumCertificateHours: workshop.minimumCertificateHours === null ? '' : String(workshop.minimumCertificateHours),
    contentNotice: workshop.contentNotice,
    whatToBring: workshop.whatToBring,
  };
}
