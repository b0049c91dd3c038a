import 'server-only';
import type Mail from 'nodemailer/lib/mailer';
import type { Db } from '@/db';
import type { TOutboxRow } from '@/db/schema';
import { checkInQrAttachments } from '@/lib/attendance/check-in-qr-attachment';
import { certificatePdfAttachments } from '@/lib/certificates/email-attachment';

export type TDeliveryAttachment = NonNullable<Mail.Options['attachments']>[number];

/**
 * Binary parts built when a message is delivered rather than stored in the outbox: a QR code
 * image, a certificate PDF rendered from its record. The outbox row stays small and the part is
 * always made from the current, immutable source.
 */
const builders: ((db: Db, row: TOutboxRow) => Promise<TDeliveryAttachment[]>)[] = [
  checkInQrAttachments,
  certificatePdfAttachments,
];

export async function deliveryAttachments(db: Db, row: TOutboxRow): Promise<TDeliveryAttachment[]> {
  const parts = await Promise.all(builders.map((build) => build(db, row)));
  return parts.flat();
}
