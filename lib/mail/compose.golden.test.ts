import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db';
import type { TOutboxRow } from '@/db/schema';
import { GOLDEN_CERTIFICATE_CODE, GOLDEN_PDF, goldenProps } from './_golden/fixtures';
import { composeMail } from './compose';
import { mailDeliveryParts } from '@/lib/startup/mail-delivery-parts';
import { mailTemplates } from './templates';

// The certificate email attaches the PDF stored at issue; here that store is these bytes.
vi.mock('@/lib/certificates/lookup', () => ({
  findCertificatePdfByCode: async (_db: unknown, code: string) => ({ certificate: { code }, pdf: new Uint8Array(GOLDEN_PDF) }),
}));

const NOW = new Date('2027-02-20T12:00:00.000Z');
const FROM = 'Muster <training@muster.example>';

function row(template: string, props: Record<string, unknown>, index: number): TOutboxRow {
  return {
    id: `00000000-0000-4000-8000-00000000000${index}`,
    toAddress: 'lukasz.zolc@riverside.example',
    template,
    subject: (mailTemplates[template as keyof typeof mailTemplates].subject as (p: unknown) => string)(props),
    props,
    alternatives: [],
    attachments: [],
    messageId: `<golden-${template}-${index}@muster.example>`,
    certificateCode: template === 'certificate-issued' ? GOLDEN_CERTIFICATE_CODE : null,
  } as unknown as TOutboxRow;
}

const sha256 = (content: unknown) => createHash('sha256').update(content as string | Buffer).digest('hex');

/**
 * Every template as delivered, byte for byte: subject, HTML, text, the calendar part and each
 * attachment (by SHA-256). A faster way of building mail must leave these files unchanged;
 * `vitest -u` rewrites them when an email is changed on purpose.
 */
describe('every email as delivered', () => {
  for (const [template, fixtures] of Object.entries(goldenProps)) {
    fixtures.forEach((props, index) => {
      it(`${template} #${index + 1}`, async () => {
        const mail = await composeMail({} as Db, row(template, props as Record<string, unknown>, index), FROM, mailDeliveryParts, NOW);
        const delivered = {
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          alternatives: (mail.alternatives ?? []).map((part) => ({ contentType: part.contentType, content: part.content })),
          attachments: (mail.attachments ?? []).map((part) => ({
            filename: part.filename,
            contentType: part.contentType,
            cid: part.cid,
            contentDisposition: part.contentDisposition,
            sha256: sha256(part.content),
          })),
        };
        await expect(JSON.stringify(delivered, null, 2)).toMatchFileSnapshot(`./_golden/${template}.${index + 1}.json`);
      });
    });
  }
});
