import 'server-only';
import type { Db } from '@/db';
import type { TOutboxRow } from '@/db/schema';
import { parseMailFrom } from '@/lib/calendar/mail-from';
import { invitePartsFromSpec, type TInviteSpec } from '@/lib/calendar/invite-spec';
import type { TDeliveryParts } from './delivery-parts';
import { renderMail, UnknownTemplateError } from './render';
import { mailTemplates, type TMailTemplateName } from './templates';
import type { TOutgoingMail } from './transport';

/**
 * The message an outbox row becomes when it is delivered: the body rendered from its template and
 * props, its calendar invite built (DTSTAMP `now`) when the template carries one, and the parts
 * its template declares made by their builders.
 */
export async function composeMail(db: Db, row: TOutboxRow, from: string, parts: TDeliveryParts, now = new Date()): Promise<TOutgoingMail> {
  const template = mailTemplates[row.template as TMailTemplateName];
  if (!template) throw new UnknownTemplateError(`No email template named "${row.template}"`);
  const { html, text } = await renderMail(row.template, row.props);
  const invite = template.invite ? (row.props.invite as TInviteSpec | undefined) : undefined;
  const calendar = invite ? invitePartsFromSpec(invite, parseMailFrom(from), now) : undefined;
  const built = await Promise.all(template.parts.map((name) => parts[name](db, row)));
  return {
    from,
    to: row.toAddress,
    subject: row.subject,
    messageId: row.messageId,
    html,
    text,
    alternatives: [...row.alternatives.map((part) => ({ ...part })), ...(calendar ? [calendar.alternative] : [])],
    attachments: [...row.attachments.map((part) => ({ ...part })), ...(calendar ? [calendar.attachment] : []), ...built.flat()],
  };
}
