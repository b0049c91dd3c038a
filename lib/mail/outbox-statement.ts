import 'server-only';
import { sqlText } from '@/db/static-statement';
import { outboxRows, type TMailMessage } from './enqueue';
import { splitSharedProps } from './shared-props';

/**
 * The outbox's part of a statement that queues mail alongside another write (a seat and its
 * confirmation, one round trip): its rows travel as JSON, shared props apart, and are inserted
 * with these fragments, so the outbox's columns are named here and nowhere else.
 *
 *   insert into ${OUTBOX_INSERT_COLUMNS}
 *   select m.id, m.message_id, m.to_address, m.subject, m.template, shared || m.props, m.due_at, session_id, registration_id
 *     from jsonb_to_recordset(mail) as ${OUTBOX_JSON_RECORD}
 */
export const OUTBOX_INSERT_COLUMNS = sqlText(
  'mail_outbox (id, message_id, to_address, subject, template, props, due_at, session_id, registration_id)',
);
export const OUTBOX_JSON_RECORD = sqlText(
  'm(id uuid, message_id text, to_address text, subject text, template text, props jsonb, due_at timestamptz)',
);

/** Some messages as the JSON those fragments read, with the props they all share split off. */
export function outboxJsonRows(messages: readonly TMailMessage[], now: Date) {
  const rows = outboxRows(messages, now).map((row) => {
    // The fragments carry no parts of their own: such a message goes through enqueueMails.
    if (row.alternatives.length > 0 || row.attachments.length > 0) throw new Error(`${row.template}: parts cannot go through a statement.`);
    return {
      id: row.id,
      message_id: row.messageId,
      to_address: row.toAddress,
      subject: row.subject,
      template: row.template,
      props: row.props,
      due_at: row.dueAt.toISOString(),
    };
  });
  return { ...splitSharedProps(rows), dueAt: rows.map((row) => ({ dueAt: new Date(row.due_at) })) };
}
