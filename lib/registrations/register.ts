import 'server-only';
import { and, eq, gt, gte, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions, workshops } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { AppError, notFoundError, parseInput } from '@/lib/errors/app-error';
import { enqueueMail } from '@/lib/mail/enqueue';
import { isUuid } from '@/lib/workshops/workshops';
import { isUniqueViolation } from './db-errors';
import { manageUrlFor, sessionMailContext } from './mail';
import { ZRegistrationInput } from './schemas';
import { createManageToken } from './tokens';

export type TRegisterOptions = {
  /** Trainers only: register before the window opens, after it closes or after the start. */
  allowOutsideWindow?: boolean;
  /** Trainers only: confirm beyond capacity on purpose instead of waitlisting. */
  allowOverbook?: boolean;
  now?: Date;
};

export type TRegistrationResult =
  | { id: string; status: 'confirmed'; manageToken: string }
  | { id: string; status: 'waitlisted'; waitlistPosition: number; manageToken: string };

export const ACTIVE_EMAIL_INDEX = 'registrations_active_email_uq';

export const alreadyRegisteredError = () =>
  new AppError('already_registered', 'This email address already has a place in this session.', 409, {
    email: 'This email address already has a place in this session.',
  });

const sessionCancelledError = () => new AppError('session_cancelled', 'This session has been cancelled.', 409);
const registrationClosedError = () => new AppError('registration_closed', 'Registration for this session is closed.', 409);

async function loadSession(db: Db, sessionId: string) {
  if (!isUuid(sessionId)) throw notFoundError('Session');
  const [row] = await db
    .select({ session: trainingSessions, workshopTitle: workshops.title, workshopStatus: workshops.status })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(eq(trainingSessions.id, sessionId));
  return row;
}

async function emailIsActive(db: Db, sessionId: string, email: string): Promise<boolean> {
  const rows = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), eq(registrations.email, email), ne(registrations.status, 'cancelled')))
    .limit(1);
  return rows.length > 0;
}

/**
 * Takes the seat, or the next waitlist place, in one statement each: the UPDATE's row lock on the
 * session serialises every registration and cancellation of that session, across instances.
 * A seat goes to a newcomer only when nobody is waiting, so the waitlist is never jumped.
 */
async function takePlace(tx: Db, sessionId: string, overbook: boolean): Promise<{ status: 'confirmed' } | { status: 'waitlisted'; position: number } | undefined> {
  const s = trainingSessions;
  const scheduled = and(eq(s.id, sessionId), eq(s.status, 'scheduled'));
  // A few tries: a seat freed between the two statements (a cancellation with nobody waiting) sends
  // the second one back to the first instead of waitlisting someone beside an empty seat.
  for (let attempt = 0; attempt < 3; attempt++) {
    const [seat] = await tx
      .update(s)
      .set({ confirmedCount: sql`${s.confirmedCount} + 1` })
      .where(overbook ? scheduled : and(scheduled, lt(s.confirmedCount, s.capacity), eq(s.waitlistCount, 0)))
      .returning({ confirmedCount: s.confirmedCount });
    if (seat) return { status: 'confirmed' };
    const [place] = await tx
      .update(s)
      .set({ waitlistCount: sql`${s.waitlistCount} + 1` })
      .where(and(scheduled, or(gte(s.confirmedCount, s.capacity), gt(s.waitlistCount, 0))))
      .returning({ waitlistCount: s.waitlistCount });
    if (place) return { status: 'waitlisted', position: place.waitlistCount };
    const [still] = await tx.select({ status: s.status }).from(s).where(eq(s.id, sessionId));
    if (!still || still.status !== 'scheduled') return undefined;
  }
  throw new AppError('conflict', 'The session changed while you registered; please try again.', 409);
}

/**
 * Registers one person for a session: confirmed while seats are free, waitlisted after. The place,
 * the registration and its email are one transaction. `manageToken` is returned once, for the
 * link in the email; only its hash is stored.
 */
export async function registerForSession(
  db: Db,
  actor: TActor,
  sessionId: string,
  input: unknown,
  options: TRegisterOptions = {},
): Promise<TRegistrationResult> {
  if (options.allowOutsideWindow || options.allowOverbook) assertTrainer(actor);
  const data = parseInput(ZRegistrationInput, input);
  const now = options.now ?? new Date();
  const isTrainer = actor?.role === 'trainer';

  const found = await loadSession(db, sessionId);
  // Sessions of unpublished workshops are not offered to the public.
  if (!found || (found.workshopStatus !== 'published' && !isTrainer)) throw notFoundError('Session');
  const { session } = found;
  if (session.status === 'cancelled') throw sessionCancelledError();
  const inWindow = now >= session.registrationOpensAt && now < session.registrationClosesAt && now < session.startsAt;
  if (!inWindow && !(options.allowOutsideWindow && isTrainer)) throw registrationClosedError();
  if (await emailIsActive(db, sessionId, data.email)) throw alreadyRegisteredError();

  // Everything that needs no lock is prepared before the transaction takes the session row.
  const { token, hash } = createManageToken();
  const context = sessionMailContext(session, found.workshopTitle);
  const manageUrl = manageUrlFor(token);

  try {
    return await db.transaction(async (tx) => {
      const place = await takePlace(tx, sessionId, Boolean(options.allowOverbook));
      if (!place) throw sessionCancelledError();
      const confirmed = place.status === 'confirmed';
      const [row] = await tx
        .insert(registrations)
        .values({
          sessionId,
          name: data.name,
          email: data.email,
          agency: data.agency,
          badgeNumber: data.badgeNumber,
          role: data.role,
          accessNeeds: data.accessNeeds,
          status: place.status,
          // clock_timestamp(), not now(): now() is when the transaction began, before it waited
          // for the session lock, and the waitlist must follow the order places were taken in.
          confirmedAt: confirmed ? sql`clock_timestamp()` : null,
          waitlistedAt: confirmed ? null : sql`clock_timestamp()`,
          manageTokenHash: hash,
        })
        .returning({ id: registrations.id });
      const id = row!.id;
      if (place.status === 'confirmed') {
        await enqueueMail(tx, {
          to: data.email,
          template: 'registration-confirmed',
          props: { name: data.name, ...context, manageUrl },
        });
        return { id, status: 'confirmed', manageToken: token };
      }
      await enqueueMail(tx, {
        to: data.email,
        template: 'registration-waitlisted',
        props: { name: data.name, workshopTitle: context.workshopTitle, when: context.when, position: place.position, manageUrl },
      });
      return { id, status: 'waitlisted', waitlistPosition: place.position, manageToken: token };
    });
  } catch (error) {
    // Two requests with the same email raced past the friendly check; the index stopped the second.
    if (isUniqueViolation(error, ACTIVE_EMAIL_INDEX)) throw alreadyRegisteredError();
    throw error;
  }
}
