import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions, workshops } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { notFoundError } from '@/lib/errors/app-error';
import { enqueueMail } from '@/lib/mail/enqueue';
import { isUuid } from '@/lib/workshops/workshops';
import { manageUrlFor, sessionMailContext } from './mail';
import { createManageToken, manageTokenMatches } from './tokens';

export type TCancelBy = { actor: TActor } | { manageToken: string };

export type TCancelResult = {
  id: string;
  status: 'cancelled';
  /** False when it was cancelled already: cancelling twice is not an error. */
  changed: boolean;
  /** Registrations moved from the waitlist into the freed place. */
  promotedIds: string[];
};

/** Takes the session's row lock: every change to its places queues behind this, across instances. */
async function lockSession(tx: Db, sessionId: string) {
  const [row] = await tx
    .select({ session: trainingSessions, workshopTitle: workshops.title })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(eq(trainingSessions.id, sessionId))
    .for('update', { of: trainingSessions });
  return row;
}

/**
 * Moves the first waitlisted people into free seats, in waitlist order, and queues each one's
 * confirmation. Call inside a transaction (capacity raised, a place freed, a trainer's nudge).
 * The session row is locked first, so concurrent callers serialise and nobody is skipped or
 * promoted twice (SKIP LOCKED would let a second caller pass over the first in line).
 */
export async function promoteFromWaitlist(tx: Db, sessionId: string): Promise<string[]> {
  const locked = await lockSession(tx, sessionId);
  if (!locked || locked.session.status !== 'scheduled') return [];
  const free = locked.session.capacity - locked.session.confirmedCount;
  if (free <= 0 || locked.session.waitlistCount <= 0) return [];
  const next = await tx
    .select({ id: registrations.id, name: registrations.name, email: registrations.email })
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.waitlistedAt), asc(registrations.id))
    .limit(free)
    .for('update');
  if (next.length === 0) return [];
  const context = sessionMailContext(locked.session, locked.workshopTitle);
  for (const person of next) {
    // The waitlist email's link is replaced by the one in this email: only hashes are stored, so
    // the confirmation can carry a link only by issuing a new token.
    const { token, hash } = createManageToken();
    await tx
      .update(registrations)
      .set({
        status: 'confirmed',
        confirmedAt: sql`clock_timestamp()`,
        waitlistedAt: null,
        manageTokenHash: hash,
        updatedAt: sql`now()`,
      })
      .where(eq(registrations.id, person.id));
    await enqueueMail(tx, {
      to: person.email,
      template: 'registration-confirmed',
      props: { name: person.name, ...context, manageUrl: manageUrlFor(token) },
    });
  }
  await tx
    .update(trainingSessions)
    .set({
      confirmedCount: sql`${trainingSessions.confirmedCount} + ${next.length}`,
      waitlistCount: sql`${trainingSessions.waitlistCount} - ${next.length}`,
    })
    .where(eq(trainingSessions.id, sessionId));
  return next.map((p) => p.id);
}

/**
 * Cancels a registration, for a trainer or for whoever holds its manage token. A freed seat goes
 * to the first person on the waitlist in the same transaction, with their confirmation email.
 * A wrong token answers 404 like a missing registration, so tokens cannot be probed.
 */
export async function cancelRegistration(db: Db, registrationId: string, by: TCancelBy): Promise<TCancelResult> {
  if ('actor' in by) assertTrainer(by.actor);
  if (!isUuid(registrationId)) throw notFoundError('Registration');
  const [found] = await db
    .select({ sessionId: registrations.sessionId, manageTokenHash: registrations.manageTokenHash })
    .from(registrations)
    .where(eq(registrations.id, registrationId));
  if (!found) throw notFoundError('Registration');
  if ('manageToken' in by && !manageTokenMatches(by.manageToken, found.manageTokenHash)) throw notFoundError('Registration');

  return db.transaction(async (tx) => {
    // Session first, then registration: the same order as registering, so the two never deadlock.
    await lockSession(tx, found.sessionId);
    const [current] = await tx
      .select({ status: registrations.status })
      .from(registrations)
      .where(eq(registrations.id, registrationId))
      .for('update');
    if (!current) throw notFoundError('Registration');
    if (current.status === 'cancelled') return { id: registrationId, status: 'cancelled', changed: false, promotedIds: [] };
    await tx
      .update(registrations)
      .set({ status: 'cancelled', cancelledAt: sql`clock_timestamp()`, updatedAt: sql`now()` })
      .where(eq(registrations.id, registrationId));
    if (current.status === 'confirmed') {
      await tx
        .update(trainingSessions)
        .set({ confirmedCount: sql`${trainingSessions.confirmedCount} - 1` })
        .where(eq(trainingSessions.id, found.sessionId));
    } else if (current.status === 'waitlisted') {
      await tx
        .update(trainingSessions)
        .set({ waitlistCount: sql`${trainingSessions.waitlistCount} - 1` })
        .where(eq(trainingSessions.id, found.sessionId));
    }
    const promotedIds = current.status === 'confirmed' ? await promoteFromWaitlist(tx, found.sessionId) : [];
    return { id: registrationId, status: 'cancelled', changed: true, promotedIds };
  });
}
