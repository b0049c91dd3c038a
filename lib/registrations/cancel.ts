import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { AppError, notFoundError } from '@/lib/errors/app-error';
import { enqueueMails } from '@/lib/mail/enqueue';
import { isUuid } from '@/lib/workshops/workshops';
import { cancellationMessage } from './messages';
import { loadPlaceSession, untoldPlace, type TLoadedSession } from './place-session';
import { promoteFromWaitlist, releasePlace } from './seating';
import { openManageLink } from './tokens';
import { withdrawPendingReminders } from './withdraw';

export type TCancelBy = { actor: TActor } | { manageToken: string };

export type TCancelOptions = {
  /** A trainer's message to the person, put in their email. */
  reason?: string;
  /** Part of a move: the email says so, and a separate one confirms the new session. */
  moving?: boolean;
  /** The agency whose coordinator ended the place: the email says so. */
  byAgency?: string;
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
      held: untoldPlace,
      allotmentAgencyId: registrations.allotmentAgencyId,
      inReservedSeat: registrations.inReservedSeat,
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
    .set({ status: 'cancelled', cancelledAt: sql`clock_timestamp()`, calendarSequence, holdExpiresAt: null, confirmTokenHash: null, approvalExpiresAt: null, approvalTokenHash: null, updatedAt: sql`now()` })
    .where(eq(registrations.id, registrationId));
  if (current.status === 'confirmed' || current.status === 'waitlisted') await releasePlace(tx, session.id, { ...current, status: current.status });
  await withdrawPendingReminders(tx, { registrationId });
  const person = { id: registrationId, name: current.name, email: current.email, calendarSequence };
  // A held place was never confirmed to its holder, so its end is not news to them either.
  if (!current.held) {
    await enqueueMails(tx, [
      cancellationMessage(session, person, {
        by: options.moving ? 'moved' : options.byAgency ? 'agency' : by,
        agencyName: options.byAgency,
        wasConfirmed,
        reason: options.reason?.trim() || undefined,
      }),
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
