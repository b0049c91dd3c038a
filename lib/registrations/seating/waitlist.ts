import 'server-only';
import { and, asc, eq, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { enqueueMails, type TMailMessage } from '@/lib/mail/enqueue';
import { confirmationMessages } from '../messages';
import { loadPlaceSession, untoldPlace, type TLoadedSession } from '../place-session';
import { countReservedSeats, freeAllotments, markReleased, releaseIsDue, reservesSeats } from './allotments';

export const sessionFullError = () =>
  new AppError('session_full', 'Every seat is taken. Confirm anyway to go over capacity on purpose.', 409);

/** A waitlisted person chosen for a seat, and whether the seat is one reserved for their agency. */
type TPick = {
  id: string;
  name: string;
  email: string;
  calendarSequence: number;
  held: boolean;
  allotmentAgencyId: string | null;
  inReservedSeat: boolean;
};

const pickColumns = {
  id: registrations.id,
  name: registrations.name,
  email: registrations.email,
  calendarSequence: registrations.calendarSequence,
  // Promoted silently: told once the email or the approver confirms the place.
  held: untoldPlace,
  allotmentAgencyId: registrations.allotmentAgencyId,
};

function waiting(tx: Db, sessionId: string, where: SQL | undefined, limit: number) {
  const r = registrations;
  return tx
    .select(pickColumns)
    .from(r)
    .where(and(eq(r.sessionId, sessionId), eq(r.status, 'waitlisted'), where))
    .orderBy(asc(r.waitlistedAt), asc(r.id))
    .limit(limit)
    .for('update');
}

/**
 * Moves waitlisted people into free seats and queues each one's confirmation. Call inside a
 * transaction (capacity raised, a place freed, seats reserved or released). The session row is
 * locked first, so concurrent callers serialise and nobody is skipped or promoted twice
 * (SKIP LOCKED would let a second caller pass over the first in line). A seat reserved for an
 * agency goes to the first of its people waiting; an open seat to whoever waits longest. Once the
 * release date has come, the reserved seats are released here and every seat is open.
 */
export async function promoteFromWaitlist(tx: Db, sessionId: string, now = new Date()): Promise<string[]> {
  const session = await loadPlaceSession(tx, sessionId, { lock: true });
  if (!session || session.status !== 'scheduled') return [];
  if (releaseIsDue(session, now)) {
    await markReleased(tx, session.id, now);
    session.allotmentsReleasedAt = now;
  }
  if (session.waitlistCount <= 0) return [];
  const picks: TPick[] = [];
  let unusedReserved = 0;
  if (reservesSeats(session)) {
    for (const allotment of await freeAllotments(tx, session.id)) {
      unusedReserved += allotment.free;
      const theirs = await waiting(tx, session.id, eq(registrations.allotmentAgencyId, allotment.agencyId), allotment.free);
      picks.push(...theirs.map((person) => ({ ...person, inReservedSeat: true })));
    }
  }
  // Seats given from a reservation leave the open ones as they were.
  const open = session.capacity - session.confirmedCount - unusedReserved;
  if (open > 0) {
    const chosen = picks.map((p) => p.id);
    const rest = await waiting(tx, session.id, chosen.length ? notInArray(registrations.id, chosen) : undefined, open);
    picks.push(...rest.map((person) => ({ ...person, inReservedSeat: false })));
  }
  return seatWaitlisted(tx, session, picks, now);
}

/**
 * A trainer confirms one chosen waitlisted person out of turn, in their agency's reserved seat
 * when one is free, else in an open seat; past capacity only with `overbook`. The caller holds
 * the session lock. Answers false when the person is not waitlisted.
 */
export async function promoteChosen(tx: Db, session: TLoadedSession, registrationId: string, now: Date, overbook: boolean): Promise<boolean> {
  const [person] = await waiting(tx, session.id, eq(registrations.id, registrationId), 1);
  if (!person) return false;
  const reserved = reservesSeats(session) && !releaseIsDue(session, now) ? await freeAllotments(tx, session.id) : [];
  const inReservedSeat = reserved.some((allotment) => allotment.agencyId === person.allotmentAgencyId);
  const unusedReserved = reserved.reduce((sum, allotment) => sum + allotment.free, 0);
  if (!inReservedSeat && session.confirmedCount + unusedReserved >= session.capacity && !overbook) throw sessionFullError();
  await seatWaitlisted(tx, session, [{ ...person, inReservedSeat }], now);
  return true;
}

async function seatWaitlisted(tx: Db, session: TLoadedSession, picks: TPick[], now: Date): Promise<string[]> {
  if (picks.length === 0) return [];
  const messages: TMailMessage[] = [];
  const reservedByAgency = new Map<string, number>();
  for (const person of picks) {
    await tx
      .update(registrations)
      .set({ status: 'confirmed', confirmedAt: sql`clock_timestamp()`, waitlistedAt: null, inReservedSeat: person.inReservedSeat, updatedAt: sql`now()` })
      .where(eq(registrations.id, person.id));
    if (person.inReservedSeat && person.allotmentAgencyId) {
      reservedByAgency.set(person.allotmentAgencyId, (reservedByAgency.get(person.allotmentAgencyId) ?? 0) + 1);
    }
    // A held place keeps its seat but hears nothing until its holder confirms the email.
    if (!person.held) messages.push(...confirmationMessages(session, person, 'promoted', now));
  }
  for (const [agencyId, count] of reservedByAgency) await countReservedSeats(tx, session.id, agencyId, count);
  await enqueueMails(tx, messages);
  await tx
    .update(trainingSessions)
    .set({
      confirmedCount: sql`${trainingSessions.confirmedCount} + ${picks.length}`,
      waitlistCount: sql`${trainingSessions.waitlistCount} - ${picks.length}`,
    })
    .where(eq(trainingSessions.id, session.id));
  return picks.map((p) => p.id);
}
