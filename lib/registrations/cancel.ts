import 'server-only';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { AppError, notFoundError } from '@/lib/errors/app-error';
import { enqueueMails } from '@/lib/mail/enqueue';
import type { TMailMessage } from '@/lib/mail/enqueue';
import { isUuid } from '@/lib/workshops/workshops';
import { cancellationMessage, confirmationMessages } from './messages';
import { loadPlaceSession, type TLoadedSession } from './place-session';
import { openManageLink } from './tokens';
import { withdrawPendingReminders } from './withdraw';

export type TCancelBy = { actor: TActor } | { manageToken: string };

export type TCancelOptions = {
  /** A trainer's message to the person, put in their email. */
  reason?: string;
  /** Part of a move: the email says so, and a separate one confirms the new session. */
  moving?: boolean;
  /** The trainer who removed the person: recorded in the audit log. */
  removedBy?: string;
  now?: Date;
};

export type TCancelResult = {
  id: string;
  status: 'cancelled';
  /** False when it was cancelled already: cancelling twice is not an error. */
  changed: boolean;
  /** Registrations moved from the waitlist into the freed place. */
  promotedIds: string[];
};

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

/**
 * Ends one place inside the caller's transaction, with the session row already locked: the
 * person is told (a confirmed place's invite is withdrawn with METHOD:CANCEL), reminders not yet
 * sent are dropped, and a freed seat goes to the first person waiting.
 */
export async function cancelLocked(
  tx: Db,
  session: TLoadedSession,
  registrationId: string,
  by: 'self' | 'trainer',
  options: TCancelOptions,
): Promise<TCancelResult> {
  const now = options.now ?? new Date();
  const [current] = await tx
    .select({
      status: registrations.status,
      name: registrations.name,
      email: registrations.email,
      calendarSequence: registrations.calendarSequence,
      held: isNotNull(registrations.holdExpiresAt),
    })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.sessionId, session.id)))
    .for('update');
  if (!current) throw notFoundError('Registration');
  if (current.status === 'cancelled') return { id: registrationId, status: 'cancelled', changed: false, promotedIds: [] };
  const wasConfirmed = current.status === 'confirmed';
  // The cancellation supersedes the invite: same UID, one higher SEQUENCE than the last REQUEST.
  const calendarSequence = current.calendarSequence + (wasConfirmed ? 1 : 0);
  await tx
    .update(registrations)
    .set({ status: 'cancelled', cancelledAt: sql`clock_timestamp()`, calendarSequence, holdExpiresAt: null, confirmTokenHash: null, updatedAt: sql`now()` })
    .where(eq(registrations.id, registrationId));
  const counter = wasConfirmed ? trainingSessions.confirmedCount : trainingSessions.waitlistCount;
  if (current.status === 'confirmed' || current.status === 'waitlisted') {
    await tx
      .update(trainingSessions)
      .set(wasConfirmed ? { confirmedCount: sql`${counter} - 1` } : { waitlistCount: sql`${counter} - 1` })
      .where(eq(trainingSessions.id, session.id));
  }
  await withdrawPendingReminders(tx, { registrationId });
  const person = { id: registrationId, name: current.name, email: current.email, calendarSequence };
  // A held place was never confirmed to its holder, so its end is not news to them either.
  if (!current.held) {
    await enqueueMails(tx, [
      cancellationMessage(session, person, { by: options.moving ? 'moved' : by, wasConfirmed, reason: options.reason?.trim() || undefined }),
    ]);
  }
  const promotedIds = wasConfirmed ? await promoteFromWaitlist(tx, session.id, now) : [];
  if (options.removedBy) {
    await recordAudit(tx, {
      actorId: options.removedBy,
      action: 'registration.removed',
      subjectType: 'registration',
      subjectId: registrationId,
      sessionId: session.id,
      registrationId,
      personEmail: current.email,
      details: { was: current.status, withReason: Boolean(options.reason?.trim()), promoted: promotedIds.length },
    });
  }
  return { id: registrationId, status: 'cancelled', changed: true, promotedIds };
}

const expiredLinkError = () =>
  new AppError('not_found', 'This manage link has expired: links stop working 30 days after the session ends.', 404);

/** Finds a registration's session for someone allowed to change it (a trainer, or its token). */
export async function sessionOfRegistration(db: Db, registrationId: string, by: TCancelBy): Promise<string> {
  if ('actor' in by) assertTrainer(by.actor);
  if (!isUuid(registrationId)) throw notFoundError('Registration');
  const [found] = await db
    .select({ sessionId: registrations.sessionId })
    .from(registrations)
    .where(eq(registrations.id, registrationId));
  if (!found) throw notFoundError('Registration');
  if ('manageToken' in by) {
    const link = await openManageLink(db, by.manageToken);
    if (link.kind === 'expired') throw expiredLinkError();
    if (link.kind !== 'valid' || link.registrationId !== registrationId) throw notFoundError('Registration');
  }
  return found.sessionId;
}

/**
 * Cancels a registration, for a trainer or for whoever holds its manage token. A freed seat goes
 * to the first person on the waitlist in the same transaction, with their confirmation email.
 * A wrong token answers 404 like a missing registration, so tokens cannot be probed.
 */
export async function cancelRegistration(
  db: Db,
  registrationId: string,
  by: TCancelBy,
  options: TCancelOptions = {},
): Promise<TCancelResult> {
  const sessionId = await sessionOfRegistration(db, registrationId, by);
  return db.transaction(async (tx) => {
    // Session first, then registration: the same order as registering, so the two never deadlock.
    const session = await loadPlaceSession(tx, sessionId, { lock: true });
    if (!session) throw notFoundError('Registration');
    if (!('actor' in by)) return cancelLocked(tx, session, registrationId, 'self', options);
    return cancelLocked(tx, session, registrationId, 'trainer', { ...options, removedBy: by.actor!.id });
  });
}
