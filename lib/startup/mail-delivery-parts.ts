import 'server-only';
import { checkInQrAttachments } from '@/lib/attendance/check-in-qr-attachment';
import { certificatePdfAttachments } from '@/lib/certificates/email-attachment';
import type { TDeliveryParts } from '@/lib/mail/delivery-parts';

/** Where each part a template declares comes from; the mail worker itself knows no domain. */
export const mailDeliveryParts: TDeliveryParts = {
  'check-in-qr': checkInQrAttachments,
  'certificate-pdf': certificatePdfAttachments,
};
