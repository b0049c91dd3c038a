import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations } from '@/db/schema';
import { enqueueMails } from '@/lib/mail/enqueue';
import { matchingAgencyId } from './agency-match';
import { approvalMessages, type TApproval } from './approval-request';
import { confirmPlaceMessage, type THold } from './hold';
import { confirmationMessages, waitlistMessage, type TPlaceSession } from './messages';
import type { TRegistrationInput } from './schemas';
import type { TLockedSession, TPlace } from './seating/locked-place';
import { manageTokenFor } from './tokens';

export type TRegistrationResult =
  | { id: string; status: 'confirmed'; manageToken: string }
  | { id: string; status: 'waitlisted'; waitlistPosition: number; manageToken: string }
  /** Held until the link emailed to the registrant confirms it; say only CHECK_EMAIL_MESSAGE. */
  | { id: string; status: 'held'; manageToken: string }
  /** Held while the session's approver decides; the registrant is emailed who decides and until when. */
  | { id: string; status: 'pending_approval'; manageToken: string };

/** Who registers: a held place waits for its email; the client key counts against the per-address cap. */
export type TNewPlace = {
  hold?: THold;
  clientKey?: string;
  /** The agency whose coordinator registered the person: their email says so. */
  nominatedBy?: string;
  /** A substitute keeps the place in line of the person they replace. */
  waitlistedAt?: Date;
  /** The place waits for this approval: no invite until it is approved. */
  approval?: TApproval;
};

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
  { hold, clientKey, nominatedBy, waitlistedAt, approval }: TNewPlace = {},
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
    allotmentAgencyId: place.allotmentAgencyId,
    inReservedSeat: place.inReservedSeat,
    badgeNumber: data.badgeNumber,
    role: data.role,
    accessNeeds: data.accessNeeds,
    status: place.status,
    // clock_timestamp(), not now(): now() is when the transaction began, before it waited
    // for the session lock, and the waitlist must follow the order places were taken in.
    confirmedAt: confirmed ? sql`clock_timestamp()` : null,
    waitlistedAt: confirmed ? null : (waitlistedAt ?? sql`clock_timestamp()`),
    manageTokenHash: hash,
    holdExpiresAt: hold?.expiresAt ?? null,
    confirmTokenHash: hold?.hash ?? null,
    clientKey: clientKey ?? null,
    approvalExpiresAt: approval?.expiresAt ?? null,
    approvalTokenHash: approval?.hash ?? null,
    approverAgencyId: approval?.agencyId ?? null,
  });
  const session: TPlaceSession = { ...base, ...place.session, id: sessionId };
  const person = { id, name: data.name, email: data.email, calendarSequence: 0 };
  if (hold) {
    await enqueueMails(tx, [confirmPlaceMessage(session, person, hold, place.status === 'waitlisted' ? place.position : null)]);
  } else if (approval) {
    await enqueueMails(tx, approvalMessages(session, person, approval, place.status === 'waitlisted' ? place.position : null));
    return { id, status: 'pending_approval', manageToken: token };
  } else if (place.status === 'confirmed') {
    await enqueueMails(tx, confirmationMessages(session, person, reason, now, nominatedBy));
  } else {
    await enqueueMails(tx, [waitlistMessage(session, person, place.position)]);
  }
  if (place.status === 'confirmed') return { id, status: 'confirmed', manageToken: token };
  return { id, status: 'waitlisted', waitlistPosition: place.position, manageToken: token };
}
