import { z } from 'zod';

/** A trainer's message to everyone confirmed in a session. */
export const ZAnnouncement = z.object({
  subject: z
    .string({ error: 'Write a subject.' })
    .trim()
    .min(1, 'Write a subject.')
    .max(200, 'The subject can be at most 200 characters.')
    // It becomes part of the email's Subject header, which is one line.
    .refine((subject) => !/[\r\n]/.test(subject), 'Keep the subject on one line.'),
  message: z
    .string({ error: 'Write the message.' })
    .trim()
    .min(1, 'Write the message.')
    .max(5000, 'The message can be at most 5000 characters.'),
});

export type TAnnouncement = z.infer<typeof ZAnnouncement>;
