import { z } from 'zod';
import { SLUG_PATTERN } from './slug';

const text = (max: number, label: string) => z.string().trim().max(max, `${label} can be at most ${max} characters.`);

/** Hours are stored with two decimals. Not `Number.isInteger(n * 100)`: 1.1 * 100 is 110.00000000000001. */
const hasAtMostTwoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

/** A workshop's fields as the API and the form send them; every field optional for a change. */
export const ZWorkshopFields = z.object({
  title: text(200, 'The title').min(3, 'Give the workshop a title of at least 3 characters.'),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, 'The URL slug can be at most 80 characters.')
    .regex(SLUG_PATTERN, 'Use lower-case letters, digits and single hyphens, like trauma-informed-interviewing.'),
  summary: text(500, 'The summary'),
  descriptionMarkdown: z.string().max(20_000, 'The description can be at most 20,000 characters.'),
  learningObjectives: z.array(text(300, 'An objective').min(1, 'An objective cannot be empty.')).max(20, 'List at most 20 objectives.'),
  audience: text(500, 'The audience'),
  topics: z.array(text(60, 'A topic').toLowerCase().min(1, 'A topic cannot be empty.')).max(12, 'Choose at most 12 topics.'),
  durationMinutes: z
    .number({ error: 'Enter the duration in minutes.' })
    .int('Enter whole minutes.')
    .min(15, 'A workshop lasts at least 15 minutes.')
    .max(7200, 'A workshop lasts at most 5 days (7200 minutes).')
    .nullable(),
  creditHours: z
    .number({ error: 'Enter credit hours as a number, like 3.5.' })
    .min(0, 'Credit hours cannot be negative.')
    .max(200, 'Credit hours can be at most 200.')
    .refine(hasAtMostTwoDecimals, 'Use at most two decimal places.'),
  creditCategory: text(120, 'The credit category'),
  /** Partial attendance earns a certificate only from this many hours; null: any hours recorded. */
  minimumCertificateHours: z
    .number({ error: 'Enter the minimum hours as a number, like 2.5.' })
    .min(0, 'The minimum hours cannot be negative.')
    .max(200, 'The minimum hours can be at most 200.')
    .refine(hasAtMostTwoDecimals, 'Use at most two decimal places.')
    .nullable(),
  contentNotice: text(2000, 'The content notice'),
  whatToBring: text(1000, 'What to bring'),
});

export const ZWorkshopCreate = ZWorkshopFields.partial().required({ title: true });
export const ZWorkshopPatch = ZWorkshopFields.partial();

export type TWorkshopCreate = z.infer<typeof ZWorkshopCreate>;
export type TWorkshopPatch = z.infer<typeof ZWorkshopPatch>;

export const suggestedTopics = [
  'trauma-informed care',
  'child protection',
  'domestic violence',
  'bullying prevention',
  'interviewing victims',
  'recognising abuse',
];
