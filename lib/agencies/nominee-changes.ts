import 'server-only';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencyMembers, registrations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { TActor } from '@/lib/auth/actor';
import { AppError, parseInput } from '@/lib/errors/app-error';
import { enqueueMails } from '@/lib/mail/enqueue';
import { cancelLocked, type TCancelResult } from '@/lib/registrations/cancel';
import { cancellationMessage } from '@/lib/registrations/messages';
import { insertRegistration, type TRegistrationResult } from '@/lib/registrations/new-registration';
import type { TPlace } from '@/lib/registrations/seating';
import { withdrawPendingReminders } from '@/lib/registrations/withdraw';
import { nomineePlace } from './nominations';
import { ZNominee } from './nominee-list';

/** A coordinator cancels one of their officers' places: the officer is told the agency did it, and the waitlist moves. */
export async function cancelNominee(db: Db, actor: TActor, registrationId: string, now = new Date()): Promise<TCancelResult> {
  return db.transaction(async (tx) => {
    const { agency, session } = await nomineePlace(tx, actor, registrationId, now);
    return cancelLocked(tx, session, registrationId, 'trainer', { byAgency: agency.name, removedBy: actor!.id, now });
  });
}

/**
 * A coordinator sends another officer in place of one of theirs: the place (a seat, a reserved
 * seat, or a position in line) passes to the substitute in one transaction, so nobody waiting
 * moves. The first officer gets METHOD:CANCEL for their invite, the substitute the normal
 * confirmation with an invite of their own (a new UID).
 */
export async function substituteNominee(db: Db, actor: TActor, registrationId: string, input: unknown, now = new Date()): Promise<TRegistrationResult> {
  const substitute = parseInput(ZNominee, input);
  return db.transaction(async (tx) => {
    const { agency, session, current } = await nomineePlace(tx, actor, registrationId, now);
    if (current.status !== 'confirmed' && current.status !== 'waitlisted') {
      throw new AppError('not_substitutable', 'Only a confirmed or waitlisted place can go to another officer.', 409);
    }
    const [taken] = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.sessionId, session.id), eq(registrations.email, substitute.email), sql`${registrations.status} <> 'cancelled'`));
    if (taken) throw new AppError('already_registered', `${substitute.email} already has a place in this session.`, 409, { email: `${substitute.email} already has a place in this session.` });

    const wasConfirmed = current.status === 'confirmed';
    const calendarSequence = current.calendarSequence + (wasConfirmed ? 1 : 0);
    await tx
      .update(registrations)
      .set({ status: 'cancelled', cancelledAt: sql`clock_timestamp()`, calendarSequence, updatedAt: sql`now()` })
      .where(eq(registrations.id, current.id));
    await withdrawPendingReminders(tx, { registrationId: current.id });
    await enqueueMails(tx, [
      cancellationMessage(session, { id: current.id, name: current.name, email: current.email, calendarSequence }, {
        by: 'agency',
        agencyName: agency.name,
        wasConfirmed,
        reason: `${agency.name} is sending another officer in your place.`,
      }),
    ]);
    await tx.insert(agencyMembers).values({ agencyId: agency.id, email: substitute.email, source: 'nominated', addedBy: actor!.id }).onConflictDoNothing();

    const kept = { allotmentAgencyId: current.allotmentAgencyId, inReservedSeat: current.inReservedSeat };
    const place: TPlace = wasConfirmed
      ? { status: 'confirmed', session, ...kept }
      : { status: 'waitlisted', session, position: await positionOf(tx, current), ...kept };
    const person = { ...substitute, agency: agency.name, role: '', accessNeeds: '' };
    const result = await insertRegistration(tx, session, session.id, person, place, 'registered', now, {
      nominatedBy: agency.name,
      waitlistedAt: current.waitlistedAt ?? undefined,
    });
    await recordAudit(tx, {
      actorId: actor!.id,
      action: 'registration.substituted',
      subjectType: 'registration',
      subjectId: result.id,
      sessionId: session.id,
      registrationId: result.id,
      personEmail: substitute.email,
      details: { replaced: current.id, was: current.status },
    });
    return result;
  });
}

/** The waitlist position (1 first) of a waitlisted registration. */
async function positionOf(tx: Db, current: { id: string; sessionId: string; waitlistedAt: Date | null }): Promise<number> {
  const r = registrations;
  const [row] = await tx
    .select({ ahead: sql<number>`count(*)::int` })
    .from(r)
    .where(
      and(
        eq(r.sessionId, current.sessionId),
        eq(r.status, 'waitlisted'),
        or(lt(r.waitlistedAt, current.waitlistedAt!), and(eq(r.waitlistedAt, current.waitlistedAt!), lt(r.id, current.id))),
      ),
    );
  return Number(row?.ahead ?? 0) + 1;
}
