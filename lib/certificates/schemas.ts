import { z } from 'zod';

const reason = z
  .string({ error: 'Give a reason.' })
  .trim()
  .min(1, 'Give a reason: anyone who checks the certificate sees it.')
  .max(500, 'The reason can be at most 500 characters.');

/** Why a certificate stops being valid; shown on the verification page. */
export const ZCertificateRevoke = z.object({
  reason: reason.describe('Why it is revoked, shown to anyone who verifies the code.'),
});

/** A corrected certificate: the holder's name as it should be printed, and why. */
export const ZCertificateReissue = z.object({
  holderName: z
    .string({ error: 'Give the name as it should be printed.' })
    .trim()
    .min(1, 'Give the name as it should be printed, or leave it out to keep it.')
    .max(200, 'The name can be at most 200 characters.')
    .optional()
    .describe('The holder’s name as it should be printed; the old certificate’s name when left out.'),
  reason: reason.describe('Why it is reissued, like “name misspelt”; the old certificate shows “Reissued: <reason>”.'),
});

export type TCertificateRevoke = z.infer<typeof ZCertificateRevoke>;
export type TCertificateReissue = z.infer<typeof ZCertificateReissue>;
