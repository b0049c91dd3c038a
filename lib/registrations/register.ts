import 'server-only';
import type { Db } from '@/db';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { notFoundError, nulTextField, parseInput } from '@/lib/errors/app-error';
import { outsiderRefusal } from '@/lib/sessions/audience';
import { isUuid } from '@/lib/workshops/workshops';
import { emailManageLink } from './manage-link';
import type { TRegistrationResult } from './new-registration';
import { loadPlaceSession, type TLoadedSession } from './place-session';
import {
  alreadyRegisteredEmailedError,
  alreadyRegisteredError,
  checkEmailAnswer,
  registrationClosedError,
  sessionCancelledError,
} from './registration-errors';
import { ZRegistrationInput } from './schemas';
import { addressLimitError, clockAt, takeRememberedSeat, takeSeat, type TRateLimitHit, type TSeatOutcome, type TSeatRule } from './seating';

export type { TRegistrationResult } from './new-registration';
export { CHECK_EMAIL_MESSAGE, isCheckEmailAnswer, tooManyRegistrations } from './registration-errors';

export type TRegisterOptions = {
  /** Trainers only: register before the window opens, after it closes or after the start. */
  allowOutsideWindow?: boolean;
  /** Trainers only: confirm beyond capacity on purpose instead of waitlisting. */
  allowOverbook?: boolean;
  /** Anonymous registrations: the per-network limit to count this attempt against. */
  rateLimit?: TRateLimitHit;
  /** Anonymous registrations: the caller's address as a keyed hash, for the session's per-address cap. */
  clientKey?: string;
  /** The time to register at (a walk-in recorded with its attendance); the system clock when absent. */
  now?: Date;
};

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
 * body), and a RateLimitedError is thrown over the limit.
 */
export async function registerForSession(
  db: Db,
  actor: TActor,
  sessionId: string,
  input: unknown,
  options: TRegisterOptions = {},
): Promise<TRegistrationResult> {
  // Validate. Text with a NUL never reaches a statement (PostgreSQL refuses it, and a seat
  // statement may be shared with other people): it fails here, and parseInput below names the field.
  if (options.allowOutsideWindow || options.allowOverbook) assertTrainer(actor);
  const isTrainer = actor?.role === 'trainer';
  const rule: TSeatRule = {
    byTrainer: isTrainer,
    overbook: Boolean(options.allowOverbook),
    rateLimit: options.rateLimit,
    clientKey: isTrainer ? undefined : options.clientKey,
    clock: clockAt(options.now),
  };
  const valid = nulTextField(input) === undefined ? ZRegistrationInput.safeParse(input).data : undefined;

  // A session read recently: the seat in one statement, no read first.
  const quick = await takeRememberedSeat(db, sessionId, valid, rule);
  if (quick.status !== 'unseated') return answer(db, rule, sessionId, valid!.email, quick);

  // Guard.
  if (!isUuid(sessionId)) throw notFoundError('Session');
  const session = await loadPlaceSession(db, sessionId, { activeEmail: valid?.email, clientKey: rule.clientKey });
  // An unknown session is a 404 whatever the body; sessions of unpublished workshops are not offered to the public.
  if (!session || (session.workshopStatus !== 'published' && !isTrainer)) throw notFoundError('Session');
  const data = valid ?? parseInput(ZRegistrationInput, input);
  if (session.status === 'cancelled') throw sessionCancelledError();
  const now = rule.clock();
  const inWindow = now >= session.registrationOpensAt && now < session.registrationClosesAt && now < session.startsAt;
  if (!inWindow && !(options.allowOutsideWindow && isTrainer)) throw registrationClosedError();
  // A trainer may register anyone (a walk-in, a guest speaker); nobody else outside its agencies.
  // loadPlaceSession has asked already; only the names for the refusal are left to read.
  if (!session.inAudience && !isTrainer) throw await outsiderRefusal(db, session.id);
  // Before the duplicate check, so a caller over the cap cannot tell a registered address from a new one.
  if (rule.clientKey && session.maxRegistrationsPerAddress !== null && session.placesFromAddress >= session.maxRegistrationsPerAddress) {
    throw addressLimitError(session.maxRegistrationsPerAddress);
  }
  if (session.emailActive) return answer(db, rule, session.id, data.email, { status: 'duplicate' }, session);

  // Take the seat, and answer.
  return answer(db, rule, session.id, data.email, await takeSeat(db, session, data, rule), session);
}

/**
 * A place, or an address that already has one. A trainer is told plainly; anyone else learns
 * nothing about the place, and its owner gets the link to it by email.
 */
async function answer(
  db: Db,
  rule: TSeatRule,
  sessionId: string,
  email: string,
  outcome: TSeatOutcome,
  session?: Pick<TLoadedSession, 'requireEmailConfirmation'>,
): Promise<TRegistrationResult> {
  if (outcome.status !== 'duplicate') return outcome;
  if (rule.byTrainer) throw alreadyRegisteredError();
  await emailManageLink(db, sessionId, email, rule.clock());
  throw session?.requireEmailConfirmation ? checkEmailAnswer() : alreadyRegisteredEmailedError();
}
