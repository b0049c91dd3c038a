import 'server-only';
import type { Db } from '@/db';
import type { TOutboxRow } from '@/db/schema';
import type { TDeliveryAttachment } from '@/lib/mail/delivery-attachments';
import { formatCertificateCode } from './code';
import { findCertificateByCode } from './lookup';
import { renderCertificatePdf } from './render-pdf';

export class MissingCertificateError extends Error {
  override name = 'MissingCertificateError';
}

export function certificateFilename(code: string): string {
  return `certificate-${formatCertificateCode(code)}.pdf`;
}

/**
 * The PDF for a certificate email, rendered from the stored record when the message is delivered.
 * Rendering is deterministic, so this is byte for byte the file whose SHA-256 was stored at issue.
 * A message whose certificate cannot be found is not sent without it: the worker retries and, in
 * the end, records the failure.
 */
export async function certificatePdfAttachments(db: Db, row: TOutboxRow): Promise<TDeliveryAttachment[]> {
  if (row.template !== 'certificate-issued') return [];
  const code = row.props.certificateCode;
  const certificate = typeof code === 'string' ? await findCertificateByCode(db, code) : undefined;
  if (!certificate) throw new MissingCertificateError(`No certificate ${String(code)} for mail ${row.id}`);
  const pdf = await renderCertificatePdf(certificate);
  return [{ filename: certificateFilename(certificate.code), content: Buffer.from(pdf), contentType: 'application/pdf' }];
}
