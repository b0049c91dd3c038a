import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db';
import { mailOutbox, type TMailAttachment, type TMailPart } from '@/db/schema';
import { appHost } from '@/lib/config/env';
import { mailTemplates, type TMailTemplateName, type TMailTemplates } from './templates';
import { wakeMailWorker } from './wake';

export type TMailMessage<T extends TMailTemplateName = TMailTemplateName> = {
  to: string;
  template: T;
  props: TMailTemplates[T];
  /** Alternative bodies beside HTML and text, e.g. a `text/calendar; method=REQUEST` invite. */
  alternatives?: TMailPart[];
  attachments?: TMailAttachment[];
  /** Not before this time (reminders); now when absent. */
  dueAt?: Date;
  /** What the message is about, so it can be withdrawn before it is sent if that changes. */
  sessionId?: string;
  registrationId?: string;
  /** The certificate the message carries (its stored PDF is attached when it is delivered). */
  certificateCode?: string;
};

/**
 * Queues an email inside the caller's transaction: it is sent only if the change that caused it
 * commits. Pass the transaction handle (`tx`), not the root database.
 */
export async function enqueueMail<T extends TMailTemplateName>(tx: Db, message: TMailMessage<T>) {
  const [id] = await enqueueMails(tx, [message]);
  return { id: id! };
}

/** The outbox rows for some messages, ready to insert (by enqueueMails, or inside a larger statement). */
export function outboxRows(messages: readonly TMailMessage[], now = new Date()) {
  const host = appHost();
  return messages.map((message) => {
    const id = randomUUID();
    const template = mailTemplates[message.template] as { props: { parse(value: unknown): unknown }; subject: (props: unknown) => string };
    // A message the worker could not render is refused here, inside the change that wanted it.
    const props = template.props.parse(message.props) as Record<string, unknown>;
    return {
      id,
      messageId: `<${id}@${host}>`,
      toAddress: message.to,
      subject: template.subject(props),
      template: message.template,
      props,
      alternatives: message.alternatives ?? [],
      attachments: message.attachments ?? [],
      dueAt: message.dueAt ?? now,
      sessionId: message.sessionId ?? null,
      registrationId: message.registrationId ?? null,
      certificateCode: message.certificateCode ?? null,
    };
  });
}

/** Nudges the worker for rows that are due now; call once they are committed (or about to be). */
export function wakeForDue(rows: readonly { dueAt: Date }[]) {
  // The rows are visible only after the caller commits, a moment from now; a wake that comes too
  // early finds nothing and the worker's regular poll delivers them instead.
  if (rows.some((row) => row.dueAt.getTime() <= Date.now())) setTimeout(wakeMailWorker, 25).unref();
}

/** Queues several emails with one statement (a confirmation and its reminders, say). */
export async function enqueueMails(tx: Db, messages: readonly TMailMessage[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = outboxRows(messages);
  // A statement holds at most 65,535 parameters; a large session's reschedule is split up.
  for (let start = 0; start < rows.length; start += 1000) await tx.insert(mailOutbox).values(rows.slice(start, start + 1000));
  wakeForDue(rows);
  return rows.map((row) => row.id);
}
