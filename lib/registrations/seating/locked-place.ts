import 'server-only';
import { and, eq, gt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { allotmentsOfMember, countReservedSeats, releaseIsDue, reservesSeats, unusedReservedSeats, type TReleaseFacts } from './allotments';
import { promoteFromWaitlist } from './waitlist';

export const addressLimitError = (limit: number) =>
  new AppError(
    'address_limit',
    `This session already has ${limit} ${limit === 1 ? 'registration' : 'registrations'} from your network, its limit. Ask the trainer to register more people from your organisation.`,
    409,
  );

/** What the place-taking statements answer: the session as it is once its row is locked. */
const lockedColumns = {
  startsAt: trainingSessions.startsAt,
  endsAt: trainingSessions.endsAt,
  timeZone: trainingSessions.timeZone,
  venueName: trainingSessions.venueName,
  venueAddress: trainingSessions.venueAddress,
  onlineUrl: trainingSessions.onlineUrl,
  sequence: trainingSessions.sequence,
  status: trainingSessions.status,
  firstReminderHours: trainingSessions.firstReminderHours,
  secondReminderHours: trainingSessions.secondReminderHours,
  confirmedCount: trainingSessions.confirmedCount,
  waitlistCount: trainingSessions.waitlistCount,
  requireEmailConfirmation: trainingSessions.requireEmailConfirmation,
  maxRegistrationsPerAddress: trainingSessions.maxRegistrationsPerAddress,
};
export type TLockedSession = { [K in keyof typeof lockedColumns]: (typeof trainingSessions.$inferSelect)[K] };

/**
 * A place taken: a seat or the next waitlist place. `allotmentAgencyId` is the agency with seats
 * reserved here the person belongs to (null if none), `inReservedSeat` whether the seat is one of them.
 */
export type TPlace = (
  | { status: 'confirmed'; session: TLockedSession }
  | { status: 'waitlisted'; position: number; session: TLockedSession }
) & { allotmentAgencyId: string | null; inReservedSeat: boolean };

/** Who takes the place: their address decides which reserved seats they may have. */
export type TPlaceTaker = { email: string; overbook: boolean; now: Date };

/**
 * Takes the seat, or the next waitlist place: the row lock on the session serialises every
 * registration and cancellation of that session, across instances. In a session that keeps seats
 * for agencies, a member takes their agency's reserved seat first, then an open one; nobody else
 * takes a reserved one. A seat goes to a newcomer only when nobody is waiting, so the waitlist is
 * never jumped (a seat reserved for an agency with nobody of theirs waiting is not jumped either).
 * The statements answer the session as it is under the lock, so the emails describe the session
 * even if a trainer moved it a moment before. Undefined when the session is no longer scheduled.
 */
export async function takePlace(tx: Db, session: TReleaseFacts & { id: string }, taker: TPlaceTaker): Promise<TPlace | undefined> {
  const reserved = reservesSeats(session) ? await takeReservedSeat(tx, session.id, taker) : { allotmentAgencyId: null };
  if ('place' in reserved) return reserved.place;
  const open = await takeOpenPlace(tx, session.id, taker.overbook);
  return open && { ...open, allotmentAgencyId: reserved.allotmentAgencyId, inReservedSeat: false };
}

/**
 * Under the session lock: releases the reserved seats if their date has come (the waitlist moves
 * into them first), else seats a member in their agency's reserved seat when one is free.
 */
async function takeReservedSeat(
  tx: Db,
  sessionId: string,
  taker: TPlaceTaker,
): Promise<{ place: TPlace | undefined } | { allotmentAgencyId: string | null }> {
  const s = trainingSessions;
  const [locked] = await tx
    .select({ status: s.status, allotmentsReleaseAt: s.allotmentsReleaseAt, allotmentsReleasedAt: s.allotmentsReleasedAt })
    .from(s)
    .where(eq(s.id, sessionId))
    .for('update');
  if (!locked || locked.status !== 'scheduled') return { place: undefined };
  if (!reservesSeats(locked)) return { allotmentAgencyId: null };
  if (releaseIsDue(locked, taker.now)) {
    await promoteFromWaitlist(tx, sessionId, taker.now);
    return { allotmentAgencyId: null };
  }
  const own = await allotmentsOfMember(tx, sessionId, taker.email);
  const free = own.find((allotment) => allotment.free);
  if (!free) return { allotmentAgencyId: own[0]?.agencyId ?? null };
  await countReservedSeats(tx, sessionId, free.agencyId, 1);
  const [seat] = await tx
    .update(s)
    .set({ confirmedCount: sql`${s.confirmedCount} + 1` })
    .where(eq(s.id, sessionId))
    .returning(lockedColumns);
  return { place: { status: 'confirmed', session: seat!, allotmentAgencyId: free.agencyId, inReservedSeat: true } };
}

/** An open seat or the next waitlist place, in one statement each; never a reserved seat. */
async function takeOpenPlace(tx: Db, sessionId: string, overbook: boolean) {
  const s = trainingSessions;
  const scheduled = and(eq(s.id, sessionId), eq(s.status, 'scheduled'));
  const taken = sql`${s.confirmedCount} + ${unusedReservedSeats}`;
  // A few tries: a seat freed between the two statements (a cancellation with nobody waiting) sends
  // the second one back to the first instead of waitlisting someone beside an empty seat.
  for (let attempt = 0; attempt < 3; attempt++) {
    const [seat] = await tx
      .update(s)
      .set({ confirmedCount: sql`${s.confirmedCount} + 1` })
      .where(overbook ? scheduled : and(scheduled, sql`${taken} < ${s.capacity}`, eq(s.waitlistCount, 0)))
      .returning(lockedColumns);
    if (seat) return { status: 'confirmed' as const, session: seat };
    const [place] = await tx
      .update(s)
      .set({ waitlistCount: sql`${s.waitlistCount} + 1` })
      .where(and(scheduled, or(sql`${taken} >= ${s.capacity}`, gt(s.waitlistCount, 0))))
      .returning(lockedColumns);
    if (place) return { status: 'waitlisted' as const, position: place.waitlistCount, session: place };
    const [still] = await tx.select({ status: s.status }).from(s).where(eq(s.id, sessionId));
    if (!still || still.status !== 'scheduled') return undefined;
  }
  throw new AppError('conflict', 'The session changed while you registered; please try again.', 409);
}

/** The exact per-address check, under the session lock `takePlace` holds. */
export async function checkAddressLimit(tx: Db, sessionId: string, limit: number | null, clientKey: string | undefined): Promise<void> {
  if (!clientKey || limit === null) return;
  const r = registrations;
  const [row] = await tx
    .select({ places: sql<number>`count(*)::int` })
    .from(r)
    .where(and(eq(r.sessionId, sessionId), eq(r.clientKey, clientKey), ne(r.status, 'cancelled')));
  if (Number(row?.places ?? 0) >= limit) throw addressLimitError(limit);
}

/** The place a registration that ended gave up: which count it leaves, and whether a reserved seat. */
export type TEndedPlace = { status: 'confirmed' | 'waitlisted'; allotmentAgencyId: string | null; inReservedSeat: boolean };

/** Gives back the seat or waitlist place of a registration that ended, under the session lock. */
export async function releasePlace(tx: Db, sessionId: string, was: TEndedPlace): Promise<void> {
  const s = trainingSessions;
  if (was.status === 'confirmed' && was.inReservedSeat && was.allotmentAgencyId) {
    await countReservedSeats(tx, sessionId, was.allotmentAgencyId, -1);
  }
  await tx
    .update(s)
    .set(was.status === 'confirmed' ? { confirmedCount: sql`${s.confirmedCount} - 1` } : { waitlistCount: sql`${s.waitlistCount} - 1` })
    .where(eq(s.id, sessionId));
}
