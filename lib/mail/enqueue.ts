import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db';
import { mailOutbox, type TMailAttachment, type TMailPart } from '@/db/schema';
import { appHost } from '@/lib/config/env';
import { mailSubjects, type TMailTemplateName, type TMailTemplates } from './templates';
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
};

/**
 * Queues an email inside the caller's transaction: it is sent only if the change that caused it
 * commits. Pass the transaction handle (`tx`), not the root database.
 */
export async function enqueueMail<T extends TMailTemplateName>(tx: Db, message: TMailMessage<T>) {
  const id = randomUUID();
  const subject = (mailSubjects[message.template] as (props: TMailTemplates[T]) => string)(message.props);
  await tx.insert(mailOutbox).values({
    id,
    messageId: `<${id}@${appHost()}>`,
    toAddress: message.to,
    subject,
    template: message.template,
    props: message.props as Record<string, unknown>,
    alternatives: message.alternatives ?? [],
    attachments: message.attachments ?? [],
    dueAt: message.dueAt ?? new Date(),
  });
  // The row is visible only after the caller commits, a moment from now; a wake that comes too
  // early finds nothing and the worker's regular poll delivers it instead.
  if (!message.dueAt || message.dueAt.getTime() <= Date.now()) setTimeout(wakeMailWorker, 25).unref();
  return { id };
}
