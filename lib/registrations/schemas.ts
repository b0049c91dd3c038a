import { z } from 'zod';

const optionalText = (max: number) => z.string().trim().max(max).optional().default('');

/** The private details: the same limits and words when registering and when changing them later. */
export const ZBadgeNumber = z.string().trim().max(50, 'A badge or staff number can be at most 50 characters.');
export const ZAccessNeeds = z.string().trim().max(2000, 'Access needs can be at most 2000 characters.');

/**
 * What a person may say about themselves when registering. Unknown keys (a `status`, a
 * `confirmedAt`) are stripped: where a registration lands is decided by the seat transaction.
 */
export const ZRegistrationInput = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('Enter a valid email address.').max(320)),
  agency: optionalText(200),
  badgeNumber: ZBadgeNumber.optional().default(''),
  role: optionalText(100),
  accessNeeds: ZAccessNeeds.optional().default(''),
});

export type TRegistrationInput = z.infer<typeof ZRegistrationInput>;
