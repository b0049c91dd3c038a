import { z } from 'zod';

const optionalText = (max: number) => z.string().trim().max(max).optional().default('');

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
  badgeNumber: optionalText(50),
  role: optionalText(100),
  accessNeeds: optionalText(2000),
});

export type TRegistrationInput = z.infer<typeof ZRegistrationInput>;
