import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, gt, gte, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { AppError, notFoundError, nulTextField, parseInput, RateLimitedError } from '@/lib/errors/app-error';
import { enqueueMails } from '@/lib/mail/enqueue';
import { hitRateLimit } from '@/lib/rate-limit/rate-limit';
import { isUuid } from '@/lib/workshops/workshops';
import { ACTIVE_EMAIL_INDEX } from '@/db/schema';
import { isUniqueViolation } from '@/lib/errors/database-fault';
import { confirmationMessages, waitlistMessage, type TPlaceSession } from './messages';
import { matchingAgencyId } from './agency-match';
import { confirmPlaceMessage, newHold, type THold } from './hold';
import { emailManageLink } from './manage-link';
import { confirmInOneStatement, type TRateLimitHit } from './one-statement-seat';
import { confirmCoalesced } from './seat-batcher';
import { loadPlaceSession, type TLoadedSession } from './place-session';
import { cachedPlaceSession, rememberPlaceSession } from './place-session-cache';
import { ZRegistrationInput, type TRegistrationInput } from './schemas';
import { manageTokenFor } from './tokens';

export type TRegisterOptions = {
  /** Trainers only: register before the window opens, after it closes or after the start. */
  allowOutsideWindow?: boolean;
  /** Trainers only: confirm beyond capacity on purpose instead of waitlisting. */
  allowOverbook?: boolean;
  /** Anonymous registrations: the per-network limit to count this attempt against. */
  rateLimit?: TRateLimitHit;
  /** Anonymous registrations: the caller's address as a keyed hash, for the session's per-address cap. */
  clientKey?: string;
  now?: Date;
};

export type TRegistrationResult =
  | { id: string; status: 'confirmed'; manageToken: string }
  | { id: string; status: 'waitlisted'; waitlistPosition: number; manageToken: string }
  /** Held until the link emailed to the registrant confirms it; say only CHECK_EMAIL_MESSAGE. */
  | { id: string; status: 'held'; manageToken: string };

/**
 * What every anonymous caller is told when the session confirms by email, whatever the address's
 * state (new, already booked, already held), so the answer says nothing about who registered.
 * A new place answers `held`; an address that had one is this error. Callers answer both alike.
 */
export const CHECK_EMAIL_MESSAGE = 'Check your email to confirm your place.';
export const checkEmailAnswer = () => new AppError('check_email', CHECK_EMAIL_MESSAGE, 202);
export const isCheckEmailAnswer = (error: unknown) => error instanceof AppError && error.code === 'check_email';

export { ACTIVE_EMAIL_INDEX };

export const alreadyRegisteredError = () =>
  new AppError('already_registered', 'This email address already has a place in this session.', 409, {
    email: 'This email address already has a place in this session.',
  });

/** The anonymous answer for an address that has a place: no status, and the link went to its owner. */
const alreadyRegisteredEmailedError = () =>
  new AppError('already_registered', 'This email address is already registered for this session. We have emailed its manage link to that address.', 409, {
    email: 'This email address is already registered for this session. We have emailed its manage link to that address.',
  });

export const addressLimitError = (limit: number) =>
  new AppError(
    'address_limit',
    `This session already has ${limit} ${limit === 1 ? 'registration' : 'registrations'} from your network, its limit. Ask the trainer to register more people from your organisation.`,
    409,
  );

export const sessionCancelledError = () => new AppError('session_cancelled', 'This session has been cancelled.', 409);
export const registrationClosedError = () => new AppError('registration_closed', 'Registration for this session is closed.', 409);

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
type TLockedSession = { [K in keyof typeof lockedColumns]: (typeof trainingSessions.$inferSelect)[K] };

type TPlace = { status: 'confirmed'; session: TLockedSession } | { status: 'waitlisted'; position: number; session: TLockedSession };

/**
 * Takes the seat, or the next waitlist place, in one statement each: the UPDATE's row lock on the
 * session serialises every registration and cancellation of that session, across instances.
 * A seat goes to a newcomer only when nobody is waiting, so the waitlist is never jumped.
 * The statements answer the session as it is under the lock, so the emails describe the session
 * even if a trainer moved it a moment before.
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

/** Who registers: a held place waits for its email; the client key counts against the per-address cap. */
export type TNewPlace = { hold?: THold; clientKey?: string };

/**
 * Inserts the registration for a place taken by `takePlace` and queues its emails, inside the
 * caller's transaction. Shared by registering and by moving to another session. A held place
 * gets only the email that confirms it.
 */
export async function insertRegistration(
  tx: Db,
  base: Omit<TPlaceSession, keyof TLockedSession | 'id'>,
  sessionId: string,
  data: TRegistrationInput,
  place: TPlace,
  reason: 'registered' | 'moved',
  now: Date,
  { hold, clientKey }: TNewPlace = {},
): Promise<TRegistrationResult> {
  const id = randomUUID();
  const { token, hash } = manageTokenFor(id);
  const confirmed = place.status === 'confirmed';
  await tx.insert(registrations).values({
    id,
    sessionId,
    name: data.name,
    email: data.email,
    agency: data.agency,
    claimedAgencyId: matchingAgencyId(data.agency),
    badgeNumber: data.badgeNumber,
    role: data.role,
    accessNeeds: data.accessNeeds,
    status: place.status,
    // clock_timestamp(), not now(): now() is when the transaction began, before it waited
    // for the session lock, and the waitlist must follow the order places were taken in.
    confirmedAt: confirmed ? sql`clock_timestamp()` : null,
    waitlistedAt: confirmed ? null : sql`clock_timestamp()`,
    manageTokenHash: hash,
    holdExpiresAt: hold?.expiresAt ?? null,
    confirmTokenHash: hold?.hash ?? null,
    clientKey: clientKey ?? null,
  });
  const session: TPlaceSession = { ...base, ...place.session, id: sessionId };
  const person = { id, name: data.name, email: data.email, calendarSequence: 0 };
  if (hold) {
    await enqueueMails(tx, [confirmPlaceMessage(session, person, hold, place.status === 'waitlisted' ? place.position : null)]);
  } else if (place.status === 'confirmed') {
    await enqueueMails(tx, confirmationMessages(session, person, reason, now));
  } else {
    await enqueueMails(tx, [waitlistMessage(session, person, place.position)]);
  }
  if (place.status === 'confirmed') return { id, status: 'confirmed', manageToken: token };
  return { id, status: 'waitlisted', waitlistPosition: place.position, manageToken: token };
}

/**
 * Registers one person for a session: confirmed while seats are free, waitlisted after. The place,
 * the registration and its emails are one transaction. `manageToken` is returned once, for
 * callers that show the manage link; it is also in every email about the registration.
 *
 * When the session confirms by email, an anonymous caller's place is held instead and the answer
 * is `check_email`, the same whether the address was new, booked or held (its owner is emailed
 * the link that fits). Without it, an address that has a place is refused without saying how,
 * and its owner is emailed the manage link.
 *
 * With `rateLimit`, the hit is counted whatever the outcome (even for an unknown session or a bad
 * body), and a RateLimitedError is thrown over the limit. A session read recently takes the
 * one-statement path straight away, with the hit in the same statement.
 */
export async function registerForSession(
  db: Db,
  actor: TActor,
  sessionId: string,
  input: unknown,
  options: TRegisterOptions = {},
): Promise<TRegistrationResult> {
  if (options.allowOutsideWindow || options.allowOverbook) assertTrainer(actor);
  const now = options.now ?? new Date();
  const isTrainer = actor?.role === 'trainer';
  const clientKey = isTrainer ? undefined : options.clientKey;
  // Text with a NUL never reaches a statement (PostgreSQL refuses it, and a seat statement may be
  // shared with other people): it fails here, and parseInput below names the field.
  const valid = nulTextField(input) === undefined ? ZRegistrationInput.safeParse(input).data : undefined;

  let counted = false;
  const cached = valid && !options.allowOverbook ? cachedPlaceSession(sessionId) : undefined;
  if (cached && takesOneStatement(cached, isTrainer, clientKey)) {
    const seated = await takeFreeSeat(db, cached, valid!, options.now, options.rateLimit, clientKey);
    if (seated === 'duplicate') return answerDuplicate(db, isTrainer, cached, valid!.email, now);
    if (seated) return seated;
    counted = true;
  }
  if (options.rateLimit && !counted) await countHit(db, options.rateLimit);

  if (!isUuid(sessionId)) throw notFoundError('Session');
  const session = await loadPlaceSession(db, sessionId, { activeEmail: valid?.email, clientKey });
  // An unknown session is a 404 whatever the body; sessions of unpublished workshops are not
  // offered to the public.
  if (!session || (session.workshopStatus !== 'published' && !isTrainer)) throw notFoundError('Session');
  rememberPlaceSession(session);
  const data = valid ?? parseInput(ZRegistrationInput, input);
  if (session.status === 'cancelled') throw sessionCancelledError();
  const inWindow = now >= session.registrationOpensAt && now < session.registrationClosesAt && now < session.startsAt;
  if (!inWindow && !(options.allowOutsideWindow && isTrainer)) throw registrationClosedError();
  // Before the duplicate check, so a caller over the cap cannot tell a registered address from a new one.
  if (clientKey && session.maxRegistrationsPerAddress !== null && session.placesFromAddress >= session.maxRegistrationsPerAddress) {
    throw addressLimitError(session.maxRegistrationsPerAddress);
  }
  if (session.emailActive) return answerDuplicate(db, isTrainer, session, data.email, now);

  try {
    if (!options.allowOverbook && takesOneStatement(session, isTrainer, clientKey)) {
      const seated = await confirmInOneStatement(db, session, data, now, undefined, clientKey);
      if (seated.kind === 'confirmed') return { id: seated.id, status: 'confirmed', manageToken: seated.manageToken };
    }
    return await db.transaction(async (tx) => {
      const place = await takePlace(tx, sessionId, Boolean(options.allowOverbook));
      if (!place) throw sessionCancelledError();
      await checkAddressLimit(tx, sessionId, place.session.maxRegistrationsPerAddress, clientKey);
      const hold = place.session.requireEmailConfirmation && !isTrainer ? newHold(now) : undefined;
      const result = await insertRegistration(tx, session, sessionId, data, place, 'registered', now, { hold, clientKey });
      return hold ? { id: result.id, status: 'held', manageToken: result.manageToken } : result;
    });
  } catch (error) {
    // Two requests with the same email raced past the friendly check; the index stopped the second.
    if (isUniqueViolation(error, ACTIVE_EMAIL_INDEX)) return answerDuplicate(db, isTrainer, session, data.email, now);
    throw error;
  }
}

/**
 * Whether a registration may take the one-statement seat: not a held place (its emails differ),
 * and not one counted against a per-address limit, which only the locked general path counts
 * exactly (the statement reads other registrations as they were when it began).
 */
function takesOneStatement(session: TLoadedSession, isTrainer: boolean, clientKey: string | undefined): boolean {
  if (isTrainer) return true;
  return !session.requireEmailConfirmation && (clientKey === undefined || session.maxRegistrationsPerAddress === null);
}

/**
 * An address that already has a place. A trainer is told plainly; anyone else learns nothing
 * about the place, and its owner gets the link to it by email.
 */
async function answerDuplicate(
  db: Db,
  isTrainer: boolean,
  session: Pick<TLoadedSession, 'id' | 'requireEmailConfirmation'>,
  email: string,
  now: Date,
): Promise<never> {
  if (isTrainer) throw alreadyRegisteredError();
  await emailManageLink(db, session.id, email, now);
  throw session.requireEmailConfirmation ? checkEmailAnswer() : alreadyRegisteredEmailedError();
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

/** The one-statement seat from a remembered session: a result, a refusal, or undefined to go the general way. */
async function takeFreeSeat(
  db: Db,
  session: TLoadedSession,
  data: TRegistrationInput,
  now: Date | undefined,
  rateLimit: TRateLimitHit | undefined,
  clientKey: string | undefined,
): Promise<TRegistrationResult | 'duplicate' | undefined> {
  let seat;
  try {
    // A caller's own clock (tests) goes alone; otherwise the seat goes with whoever registers alongside.
    seat = now
      ? await confirmInOneStatement(db, session, data, now, rateLimit, clientKey)
      : await confirmCoalesced(db, session, data, rateLimit, clientKey);
  } catch (error) {
    if (!isUniqueViolation(error, ACTIVE_EMAIL_INDEX)) throw error;
    // The failed statement took its rate-limit hit with it.
    if (rateLimit) await countHit(db, rateLimit);
    return 'duplicate';
  }
  if (seat.kind === 'confirmed') return { id: seat.id, status: 'confirmed', manageToken: seat.manageToken };
  if (seat.kind === 'rate_limited') throw tooManyRegistrations(seat.retryAfterMs);
  return undefined;
}

async function countHit(db: Db, rateLimit: TRateLimitHit): Promise<void> {
  const hit = await hitRateLimit(db, rateLimit.key, rateLimit);
  if (!hit.allowed) throw tooManyRegistrations(hit.retryAfterMs);
}

export const tooManyRegistrations = (retryAfterMs: number) =>
  new RateLimitedError('Too many registrations from your network. Try again in a minute.', retryAfterMs);
