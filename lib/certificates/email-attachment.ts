import 'server-only';
import type { Db } from '@/db';
import type { TOutboxRow } from '@/db/schema';
import type { TDeliveryAttachment } from '@/lib/mail/delivery-parts';
import { formatCertificateCode } from './code';
import { findCertificatePdfByCode } from './lookup';

export class MissingCertificateError extends Error {
  override name = 'MissingCertificateError';
}

export function certificateFilename(code: string): string {
  return `certificate-${formatCertificateCode(code)}.pdf`;
}

/**
 * The PDF for a certificate email: the bytes stored at issue, never rendered again, so the file
 * the holder receives is exactly the one whose SHA-256 verification looks for. A message whose certificate cannot be found is not sent without it: the worker retries and, in
 * the end, records the failure.
 */
export async function certificatePdfAttachments(db: Db, row: TOutboxRow): Promise<TDeliveryAttachment[]> {
  const code = row.certificateCode;
  const found = code ? await findCertificatePdfByCode(db, code) : undefined;
  if (!found) throw new MissingCertificateError(`No certificate ${String(code)} for mail ${row.id}`);
  return [{ filename: certificateFilename(found.certificate.code), content: Buffer.from(found.pdf), contentType: 'application/pdf' }];
}
