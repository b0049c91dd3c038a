import 'server-only';
import type { Db } from '@/db';
import type { TOutboxRow } from '@/db/schema';
import { CHECK_IN_QR_CID } from '@/emails/components/check-in-code';
import type { TDeliveryAttachment } from '@/lib/mail/delivery-parts';
import { qrPng } from '@/lib/qr/qr-png';

/**
 * The check-in QR code as a PNG, attached inline to a confirmation whose props carry a check-in link.
 * Email clients block data: URLs and remote images often load only on request, so the image
 * travels with the message and the HTML points at it by Content-ID.
 */
export async function checkInQrAttachments(_db: Db, row: TOutboxRow): Promise<TDeliveryAttachment[]> {
  const url = row.props.checkInUrl;
  if (typeof url !== 'string' || url === '') return [];
  // Medium error correction survives a cracked phone screen; 8 px modules scan from arm's length.
  const png = qrPng(url, { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
  return [
    {
      filename: 'check-in.png',
      content: png,
      contentType: 'image/png',
      cid: CHECK_IN_QR_CID,
      contentDisposition: 'inline',
    },
  ];
}
