import 'server-only';
import type { Db } from '@/db';
import { ACTIVE_EMAIL_INDEX } from '@/db/schema';
import { isUniqueViolation } from '@/lib/errors/database-fault';
import { hitRateLimit } from '@/lib/rate-limit/rate-limit';
import { needsApproval, newApproval } from '../approval-request';
import { newHold } from '../hold';
import { sessionCancelledError, tooManyRegistrations } from '../registration-errors';
import { insertRegistration, type TRegistrationResult } from '../new-registration';
import type { TLoadedSession } from '../place-session';
import type { TRegistrationInput } from '../schemas';
import { confirmCoalesced } from './batcher';
import type { TClock } from './clock';
import { checkAddressLimit, takePlace } from './locked-place';
import type { TRateLimitHit } from './one-statement';
import { rememberedSession, rememberSession } from './remembered-sessions';

/** How a seat is taken: by whom, counted against what, at what time. */
export type TSeatRule = {
  /** A trainer's registration: never held for an email, never counted against an address. */
  byTrainer: boolean;
  /** Trainers only: confirm beyond capacity on purpose instead of waitlisting. */
  overbook: boolean;
  /** The per-network limit this attempt counts against (anonymous registrations). */
  rateLimit?: TRateLimitHit;
  /** The caller's address as a keyed hash, for the session's per-address cap. */
  clientKey?: string;
  clock: TClock;
};

/** A seat, a waitlist place or a held place; `duplicate` when the email already has a place. */
export type TSeatOutcome = TRegistrationResult | { status: 'duplicate' };

/**
 * The common registration without reading the session first: a free seat in a session read
 * recently, in one statement shared with whoever registers alongside, the rate-limit hit in the
 * same statement. `unseated` sends the caller to read the session and call takeSeat. Either way
 * the rule's rate-limit hit is counted, also for a person whose details did not validate
 * (`undefined`), and a RateLimitedError is thrown over the limit.
 */
export async function takeRememberedSeat(
  db: Db,
  sessionId: string,
  person: TRegistrationInput | undefined,
  rule: TSeatRule,
): Promise<TSeatOutcome | { status: 'unseated' }> {
  const session = person && !rule.overbook ? rememberedSession(sessionId) : undefined;
  if (!person || !session || !takesOneStatement(session, rule)) {
    if (rule.rateLimit) await countHit(db, rule.rateLimit);
    return { status: 'unseated' };
  }
  try {
    const seat = await confirmCoalesced(db, rule.clock, session, person, rule.rateLimit, rule.clientKey);
    if (seat.kind === 'confirmed') return { id: seat.id, status: 'confirmed', manageToken: seat.manageToken };
    if (seat.kind === 'rate_limited') throw tooManyRegistrations(seat.retryAfterMs);
    return { status: 'unseated' };
  } catch (error) {
    if (!isUniqueViolation(error, ACTIVE_EMAIL_INDEX)) throw error;
    // The failed statement took its rate-limit hit with it.
    if (rule.rateLimit) await countHit(db, rule.rateLimit);
    return { status: 'duplicate' };
  }
}

/**
 * Takes a place in a session just read (and checked) by the caller: the one-statement seat when
 * it can, otherwise under the session's row lock, with the per-address cap counted exactly and
 * the place held for an email when the session asks for one. The place, the registration and its
 * emails are one transaction.
 */
export async function takeSeat(db: Db, session: TLoadedSession, person: TRegistrationInput, rule: TSeatRule): Promise<TSeatOutcome> {
  rememberSession(session);
  const now = rule.clock();
  try {
    if (!rule.overbook && takesOneStatement(session, rule)) {
      const seated = await confirmCoalesced(db, rule.clock, session, person, undefined, rule.clientKey);
      if (seated.kind === 'confirmed') return { id: seated.id, status: 'confirmed', manageToken: seated.manageToken };
    }
    return await db.transaction(async (tx) => {
      const place = await takePlace(tx, session, { email: person.email, overbook: rule.overbook, now });
      if (!place) throw sessionCancelledError();
      await checkAddressLimit(tx, session.id, place.session.maxRegistrationsPerAddress, rule.clientKey);
      const hold = place.session.requireEmailConfirmation && !rule.byTrainer ? newHold(now) : undefined;
      // A held place asks for approval once its email confirms it.
      const approval = !hold && needsApproval(session, rule.byTrainer) ? await newApproval(tx, session, { email: person.email, allotmentAgencyId: place.allotmentAgencyId }, now) : undefined;
      const result = await insertRegistration(tx, session, session.id, person, place, 'registered', now, { hold, clientKey: rule.clientKey, approval });
      return hold ? { id: result.id, status: 'held' as const, manageToken: result.manageToken } : result;
    });
  } catch (error) {
    // Two requests with the same email raced past the caller's check; the index stopped the second.
    if (isUniqueViolation(error, ACTIVE_EMAIL_INDEX)) return { status: 'duplicate' };
    throw error;
  }
}

/**
 * Whether a registration may take the one-statement seat: not for a session for agencies or one
 * that keeps seats for agencies (both depend on the person's address), not a held place (its
 * emails differ), and not one counted against a per-address limit, which only the locked path counts exactly
 * (the statement reads other registrations as they were when it began).
 */
function takesOneStatement(session: TLoadedSession, rule: TSeatRule): boolean {
  // Who may register for a session for agencies is checked against the person's address first.
  if (session.visibility === 'agencies' || session.allotmentsReleaseAt !== null) return false;
  // A place waiting for approval sends other emails; the approval is not the trainer's to skip.
  if (needsApproval(session, rule.byTrainer)) return false;
  if (rule.byTrainer) return true;
  return !session.requireEmailConfirmation && (rule.clientKey === undefined || session.maxRegistrationsPerAddress === null);
}

async function countHit(db: Db, rateLimit: TRateLimitHit): Promise<void> {
  const hit = await hitRateLimit(db, rateLimit.key, rateLimit);
  if (!hit.allowed) throw tooManyRegistrations(hit.retryAfterMs);
}
