import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { mailOutbox } from '@/db/schema';

/**
 * Drops reminders not yet sent, for one registration (its place ended) or a whole session (it
 * moved or was cancelled; the caller queues new ones as needed). A reminder being delivered at
 * this moment is left alone: it was true when it left.
 */
export async function withdrawPendingReminders(tx: Db, about: { registrationId: string } | { sessionId: string }) {
  const target = 'registrationId' in about ? eq(mailOutbox.registrationId, about.registrationId) : eq(mailOutbox.sessionId, about.sessionId);
  await tx.delete(mailOutbox).where(and(target, eq(mailOutbox.template, 'session-reminder'), eq(mailOutbox.status, 'pending')));
}
