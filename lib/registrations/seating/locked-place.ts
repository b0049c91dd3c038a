import 'server-only';
import { and, eq, gt, gte, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';

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

export type TPlace = { status: 'confirmed'; session: TLockedSession } | { status: 'waitlisted'; position: number; session: TLockedSession };

/**
 * Takes the seat, or the next waitlist place, in one statement each: the UPDATE's row lock on the
 * session serialises every registration and cancellation of that session, across instances.
 * A seat goes to a newcomer only when nobody is waiting, so the waitlist is never jumped.
 * The statements answer the session as it is under the lock, so the emails describe the session
 * even if a trainer moved it a moment before. Undefined when the session is no longer scheduled.
 */
export async function takePlace(tx: Db, sessionId: string, overbook: boolean): Promise<TPlace | undefined> {
  const s = trainingSessions;
  const scheduled = and(eq(s.id, sessionId), eq(s.status, 'scheduled'));
  // A few tries: a seat freed between the two statements (a cancellation with nobody waiting) sends
  // the second one back to the first instead of waitlisting someone beside an empty seat.
  for (let attempt = 0; attempt < 3; attempt++) {
    const [seat] = await tx
      .update(s)
      .set({ confirmedCount: sql`${s.confirmedCount} + 1` })
      .where(overbook ? scheduled : and(scheduled, lt(s.confirmedCount, s.capacity), eq(s.waitlistCount, 0)))
      .returning(lockedColumns);
    if (seat) return { status: 'confirmed', session: seat };
    const [place] = await tx
      .update(s)
      .set({ waitlistCount: sql`${s.waitlistCount} + 1` })
      .where(and(scheduled, or(gte(s.confirmedCount, s.capacity), gt(s.waitlistCount, 0))))
      .returning(lockedColumns);
    if (place) return { status: 'waitlisted', position: place.waitlistCount, session: place };
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

/** Gives back the seat or waitlist place of a registration that ended, under the session lock. */
export async function releasePlace(tx: Db, sessionId: string, was: 'confirmed' | 'waitlisted'): Promise<void> {
  const s = trainingSessions;
  await tx
    .update(s)
    .set(was === 'confirmed' ? { confirmedCount: sql`${s.confirmedCount} - 1` } : { waitlistCount: sql`${s.waitlistCount} - 1` })
    .where(eq(s.id, sessionId));
}
