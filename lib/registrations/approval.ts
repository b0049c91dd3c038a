import 'server-only';
import { and, asc, eq, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, users, type TRegistration } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { TActor } from '@/lib/auth/actor';
import { forbiddenError, notFoundError, unauthorizedError } from '@/lib/errors/app-error';
import { enqueueMails } from '@/lib/mail/enqueue';
import { formatInstant, formatSessionRange } from '@/lib/time/zoned';
import { isUuid } from '@/lib/workshops/workshops';
import { approverWords, MAX_APPROVAL_TOKEN_LENGTH } from './approval-request';
import { cancelLocked } from './cancel';
import { cancellationMessage, confirmationMessages, waitlistMessage, type TPlaceSession } from './messages';
import { loadPlaceSession } from './place-session';
import { waitlistPosition } from './queries';
import { hashManageToken } from './tokens';

export type TApprovalDecider = { token: string } | { actor: TActor; registrationId: string };
export type TApprovalOutcome = { kind: 'approved' | 'declined' | 'expired' | 'decided' | 'unknown'; name?: string; workshopTitle?: string };

/** The request a token or a registration id names, without deciding it: for the page that asks. */
export async function findApprovalRequest(db: Db, token: string) {
  if (!token || token.length > MAX_APPROVAL_TOKEN_LENGTH) return undefined;
  const [row] = await db
    .select({ id: registrations.id, name: registrations.name, email: registrations.email, sessionId: registrations.sessionId, expiresAt: registrations.approvalExpiresAt })
    .from(registrations)
    .where(and(eq(registrations.approvalTokenHash, hashManageToken(token)), ne(registrations.status, 'cancelled')));
  if (!row?.expiresAt) return undefined;
  const session = await loadPlaceSession(db, row.sessionId);
  if (!session) return undefined;
  return {
    name: row.name,
    email: row.email,
    workshopTitle: session.workshopTitle,
    when: formatSessionRange(session.startsAt, session.endsAt, session.timeZone),
    decideBy: formatInstant(row.expiresAt, session.timeZone),
    expired: row.expiresAt <= new Date(),
  };
}

/**
 * Approves or declines a place waiting for approval, by the approver's single-use link or by a
 * trainer or the deciding agency's coordinator signed in. Approved: the place is confirmed with
 * the email it would have had at once (the invite for a seat, the waitlist number otherwise).
 * Declined or past its time: the place frees, the waitlist moves, and the officer is told why.
 */
export async function decideApproval(db: Db, by: TApprovalDecider, decision: 'approve' | 'decline', now = new Date()): Promise<TApprovalOutcome> {
  const where = 'token' in by
    ? by.token && by.token.length <= MAX_APPROVAL_TOKEN_LENGTH ? eq(registrations.approvalTokenHash, hashManageToken(by.token)) : undefined
    : isUuid(by.registrationId) ? eq(registrations.id, by.registrationId) : undefined;
  if ('actor' in by && !by.actor) throw unauthorizedError();
  if (!where) return { kind: 'unknown' };
  const [found] = await db.select({ sessionId: registrations.sessionId }).from(registrations).where(where);
  if (!found) {
    if ('actor' in by) throw notFoundError('Registration');
    return { kind: 'unknown' };
  }
  return db.transaction(async (tx) => {
    const session = await loadPlaceSession(tx, found.sessionId, { lock: true });
    const [current] = await tx.select().from(registrations).where(and(where, ne(registrations.status, 'cancelled'))).for('update');
    if (!session || !current) return { kind: 'unknown' as const };
    if ('actor' in by) await assertMayDecide(tx, by.actor, current.approverAgencyId);
    if (!current.approvalExpiresAt) return { kind: 'decided' as const, name: current.name, workshopTitle: session.workshopTitle };
    const person = { id: current.id, name: current.name, email: current.email, calendarSequence: current.calendarSequence };
    const approver = await approverWords(tx, current.approverAgencyId);
    if (current.approvalExpiresAt <= now) {
      await endRequest(tx, session, current, 'expired', approver, now);
      return { kind: 'expired' as const, name: current.name, workshopTitle: session.workshopTitle };
    }
    if (decision === 'decline') {
      await endRequest(tx, session, current, 'declined', approver, now);
    } else {
      await tx
        .update(registrations)
        .set({ approvalExpiresAt: null, approvalTokenHash: null, updatedAt: sql`now()` })
        .where(eq(registrations.id, current.id));
      await enqueueMails(
        tx,
        current.status === 'confirmed'
          ? confirmationMessages(session, person, 'registered', now)
          : [waitlistMessage(session, person, (await waitlistPosition(tx, current.id)) ?? 1)],
      );
    }
    if ('actor' in by) {
      await recordAudit(tx, {
        actorId: by.actor!.id,
        action: decision === 'approve' ? 'registration.approved' : 'registration.declined',
        subjectType: 'registration',
        subjectId: current.id,
        sessionId: session.id,
        registrationId: current.id,
        personEmail: current.email,
      });
    }
    return { kind: decision === 'approve' ? ('approved' as const) : ('declined' as const), name: current.name, workshopTitle: session.workshopTitle };
  });
}

async function assertMayDecide(tx: Db, actor: TActor, approverAgencyId: string | null): Promise<void> {
  if (!actor) throw unauthorizedError();
  if (actor.role === 'trainer') return;
  if (actor.role === 'coordinator' && approverAgencyId) {
    const [row] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, actor.id), eq(users.role, 'coordinator'), eq(users.coordinatorAgencyId, approverAgencyId)));
    if (row) return;
  }
  // Another agency's coordinator is told what they would be told of a request that does not exist.
  if (actor.role === 'coordinator') throw notFoundError('Registration');
  throw forbiddenError('Only the trainer, or the coordinator of the officer’s agency, can decide this request.');
}

/** Frees a place whose request was declined or ran out, telling the officer in plain words. */
async function endRequest(
  tx: Db,
  session: TPlaceSession & Parameters<typeof cancelLocked>[1],
  person: Pick<TRegistration, 'id' | 'name' | 'email' | 'calendarSequence'>,
  why: 'declined' | 'expired',
  approver: string,
  now: Date,
) {
  await cancelLocked(tx, session, person.id, 'trainer', { now });
  await enqueueMails(tx, [
    cancellationMessage(session, { id: person.id, name: person.name, email: person.email, calendarSequence: person.calendarSequence }, {
      by: why,
      approver,
      wasConfirmed: false,
    }),
  ]);
}

/** Frees places whose approval did not come in time; run by the sweeper once a minute. Answers how many. */
export async function releaseExpiredApprovals(db: Db, now = new Date(), batch = 100): Promise<number> {
  const expired = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(isNotNull(registrations.approvalExpiresAt), lte(registrations.approvalExpiresAt, now), ne(registrations.status, 'cancelled')))
    .orderBy(asc(registrations.approvalExpiresAt))
    .limit(batch);
  let released = 0;
  for (const { id } of expired) {
    const freed = await db.transaction(async (tx) => {
      const [row] = await tx.select({ sessionId: registrations.sessionId }).from(registrations).where(eq(registrations.id, id));
      const session = row && (await loadPlaceSession(tx, row.sessionId, { lock: true }));
      if (!session) return false;
      // Decided a moment ago, or released by another instance.
      const [still] = await tx
        .select()
        .from(registrations)
        .where(and(eq(registrations.id, id), lte(registrations.approvalExpiresAt, now), ne(registrations.status, 'cancelled')))
        .for('update');
      if (!still) return false;
      await endRequest(tx, session, still, 'expired', await approverWords(tx, still.approverAgencyId), now);
      return true;
    });
    if (freed) released++;
  }
  return released;
}
