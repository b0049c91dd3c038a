import 'server-only';
import type { Db } from '@/db';
import type { TOutboxRow } from '@/db/schema';
import { parseMailFrom } from '@/lib/calendar/mail-from';
import { invitePartsFromSpec, type TInviteSpec } from '@/lib/calendar/invite-spec';
import { deliveryAttachments } from './delivery-attachments';
import { renderMail } from './render';
import type { TOutgoingMail } from './transport';

/**
 * The message an outbox row becomes when it is delivered: the body rendered from its template and
 * props, its calendar invite built (DTSTAMP `now`), and the parts made at delivery attached.
 */
export async function composeMail(db: Db, row: TOutboxRow, from: string, now = new Date()): Promise<TOutgoingMail> {
  const { html, text } = await renderMail(row.template, row.props);
  const invite = row.props.invite as TInviteSpec | undefined;
  const parts = invite ? invitePartsFromSpec(invite, parseMailFrom(from), now) : undefined;
  const built = await deliveryAttachments(db, row);
  return {
    from,
    to: row.toAddress,
    subject: row.subject,
    messageId: row.messageId,
    html,
    text,
    alternatives: [...row.alternatives.map((part) => ({ ...part })), ...(parts ? [parts.alternative] : [])],
    attachments: [...row.attachments.map((part) => ({ ...part })), ...(parts ? [parts.attachment] : []), ...built],
  };
}
