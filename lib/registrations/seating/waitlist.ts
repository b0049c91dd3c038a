import 'server-only';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions } from '@/db/schema';
import { enqueueMails, type TMailMessage } from '@/lib/mail/enqueue';
import { confirmationMessages } from '../messages';
import { loadPlaceSession, type TLoadedSession } from '../place-session';

/**
 * Confirms waitlisted people in waitlist order, given a session whose row the caller has locked.
 * `limit` caps how many (all free seats when absent); `onlyId` promotes one chosen person.
 */
export async function confirmWaitlisted(
  tx: Db,
  session: TLoadedSession,
  count: number,
  now: Date,
  onlyId?: string,
): Promise<string[]> {
  if (count <= 0) return [];
  const where = onlyId
    ? and(eq(registrations.id, onlyId), eq(registrations.sessionId, session.id), eq(registrations.status, 'waitlisted'))
    : and(eq(registrations.sessionId, session.id), eq(registrations.status, 'waitlisted'));
  const next = await tx
    .select({
      id: registrations.id,
      name: registrations.name,
      email: registrations.email,
      calendarSequence: registrations.calendarSequence,
      held: isNotNull(registrations.holdExpiresAt),
    })
    .from(registrations)
    .where(where)
    .orderBy(asc(registrations.waitlistedAt), asc(registrations.id))
    .limit(count)
    .for('update');
  if (next.length === 0) return [];
  const messages: TMailMessage[] = [];
  for (const person of next) {
    await tx
      .update(registrations)
      .set({ status: 'confirmed', confirmedAt: sql`clock_timestamp()`, waitlistedAt: null, updatedAt: sql`now()` })
      .where(eq(registrations.id, person.id));
    // A held place keeps its seat but hears nothing until its holder confirms the email.
    if (!person.held) messages.push(...confirmationMessages(session, person, 'promoted', now));
  }
  await enqueueMails(tx, messages);
  await tx
    .update(trainingSessions)
    .set({
      confirmedCount: sql`${trainingSessions.confirmedCount} + ${next.length}`,
      waitlistCount: sql`${trainingSessions.waitlistCount} - ${next.length}`,
    })
    .where(eq(trainingSessions.id, session.id));
  return next.map((p) => p.id);
}

/**
 * Moves the first waitlisted people into free seats, in waitlist order, and queues each one's
 * confirmation. Call inside a transaction (capacity raised, a place freed). The session row is
 * locked first, so concurrent callers serialise and nobody is skipped or promoted twice
 * (SKIP LOCKED would let a second caller pass over the first in line).
 */
export async function promoteFromWaitlist(tx: Db, sessionId: string, now = new Date()): Promise<string[]> {
  const session = await loadPlaceSession(tx, sessionId, { lock: true });
  if (!session || session.status !== 'scheduled') return [];
  const free = session.capacity - session.confirmedCount;
  if (free <= 0 || session.waitlistCount <= 0) return [];
  return confirmWaitlisted(tx, session, free, now);
}
