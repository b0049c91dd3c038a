import 'server-only';
import type { Db } from '@/db';
import type { TOutboxRow } from '@/db/schema';
import type { TDeliveryAttachment } from '@/lib/mail/delivery-attachments';

export async function checkInQrAttachments(_db: Db, _row: TOutboxRow): Promise<TDeliveryAttachment[]> {
  return [];
}
