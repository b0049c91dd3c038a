import 'server-only';
import { needsApproval, requestApproval } from './approval-request';
import { and, asc, eq, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { enqueueMails, type TMailMessage } from '@/lib/mail/enqueue';
import { formatInstant, formatSessionRange } from '@/lib/time/zoned';
import { cancelLocked } from './cancel';
import { confirmationMessages, waitlistMessage, type TPlacePerson, type TPlaceSession } from './messages';
import { loadPlaceSession } from './place-session';
import { waitlistPosition } from './queries';
import { hashManageToken, manageTokenFor, newSingleUseToken } from './tokens';

/** How long a place waits for its email to confirm it. */
export const HOLD_MS = 30 * 60_000;
const MAX_TOKEN_LENGTH = 200;

export type THold = { token: string; hash: string; expiresAt: Date };

/** A new hold's single-use token (only its hash is stored) and when the place frees. */
export function newHold(now: Date): THold {
  return { ...newSingleUseToken(), expiresAt: new Date(now.getTime() + HOLD_MS) };
}

export function confirmUrlFor(token: string): string {
  return `${getEnv().APP_URL.replace(/\/+$/, '')}/registrations/confirm?token=${encodeURIComponent(token)}`;
}

/** The one email a held place gets: the link that confirms it. */
export function confirmPlaceMessage(
  session: TPlaceSession,
  person: Pick<TPlacePerson, 'id' | 'name' | 'email'>,
  hold: Pick<THold, 'token' | 'expiresAt'>,
  waitlistPosition: number | null,
): TMailMessage {
  return {
    to: person.email,
    sessionId: session.id,
    registrationId: person.id,
    template: 'registration-confirm-place',
    props: {
      name: person.name,
      workshopTitle: session.workshopTitle,
      when: formatSessionRange(session.startsAt, session.endsAt, session.timeZone),
      heldUntil: formatInstant(hold.expiresAt, session.timeZone),
      waitlistPosition,
      confirmUrl: confirmUrlFor(hold.token),
    },
  };
}

export type TConfirmHoldResult = { kind: 'confirmed'; manageToken: string } | { kind: 'expired' } | { kind: 'unknown' };

/**
 * Uses a confirmation link: the held place becomes a booked one, with the email it would have had
 * at once (the invite for a seat, the waitlist number otherwise). The token works once; a hold
 * past its time is released here rather than confirmed.
 */
export async function confirmHeldPlace(db: Db, token: string, now = new Date()): Promise<TConfirmHoldResult> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return { kind: 'unknown' };
  const hash = hashManageToken(token);
  const [found] = await db.select({ sessionId: registrations.sessionId }).from(registrations).where(eq(registrations.confirmTokenHash, hash));
  if (!found) return { kind: 'unknown' };
  return db.transaction(async (tx) => {
    // Session first, then registration: the order every change of places takes.
    const session = await loadPlaceSession(tx, found.sessionId, { lock: true });
    const [held] = await tx
      .select({
        id: registrations.id,
        name: registrations.name,
        email: registrations.email,
        status: registrations.status,
        holdExpiresAt: registrations.holdExpiresAt,
        calendarSequence: registrations.calendarSequence,
        allotmentAgencyId: registrations.allotmentAgencyId,
      })
      .from(registrations)
      .where(and(eq(registrations.confirmTokenHash, hash), ne(registrations.status, 'cancelled')))
      .for('update');
    if (!session || !held || !held.holdExpiresAt) return { kind: 'unknown' };
    if (held.holdExpiresAt.getTime() <= now.getTime()) {
      await cancelLocked(tx, session, held.id, 'self', { now });
      return { kind: 'expired' };
    }
    await tx
      .update(registrations)
      .set({ holdExpiresAt: null, confirmTokenHash: null, updatedAt: sql`now()` })
      .where(eq(registrations.id, held.id));
    const person: TPlacePerson = held;
    if (needsApproval(session, false)) {
      await requestApproval(tx, session, held, now);
      return { kind: 'confirmed', manageToken: manageTokenFor(held.id).token };
    }
    await enqueueMails(
      tx,
      held.status === 'confirmed'
        ? confirmationMessages(session, person, 'registered', now)
        : [waitlistMessage(session, person, (await waitlistPosition(tx, held.id)) ?? 1)],
    );
    return { kind: 'confirmed', manageToken: manageTokenFor(held.id).token };
  });
}

/**
 * Frees the places whose confirmation did not come in time: each is cancelled as its holder
 * would cancel it (silently, as nobody was told of it), so a freed seat goes to the first
 * person waiting. Safe to run from several instances at once. Answers how many were freed.
 */
export async function releaseExpiredHolds(db: Db, now = new Date(), batch = 100): Promise<number> {
  const expired = await db
    .select({ id: registrations.id, sessionId: registrations.sessionId })
    .from(registrations)
    .where(and(isNotNull(registrations.holdExpiresAt), lte(registrations.holdExpiresAt, now), ne(registrations.status, 'cancelled')))
    .orderBy(asc(registrations.holdExpiresAt))
    .limit(batch);
  let released = 0;
  for (const hold of expired) {
    const freed = await db.transaction(async (tx) => {
      const session = await loadPlaceSession(tx, hold.sessionId, { lock: true });
      if (!session) return false;
      // Confirmed a moment ago, or released by another instance: cancelLocked must not see it.
      const [still] = await tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(and(eq(registrations.id, hold.id), lte(registrations.holdExpiresAt, now), ne(registrations.status, 'cancelled')));
      if (!still) return false;
      await cancelLocked(tx, session, hold.id, 'self', { now });
      return true;
    });
    if (freed) released++;
  }
  return released;
}
