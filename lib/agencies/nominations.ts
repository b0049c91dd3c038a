import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencyMembers, registrations, sessionAgencies } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { TActor } from '@/lib/auth/actor';
import { AppError, forbiddenError, notFoundError } from '@/lib/errors/app-error';
import { insertRegistration } from '@/lib/registrations/new-registration';
import { loadPlaceSession, type TLoadedSession } from '@/lib/registrations/place-session';
import { sessionCancelledError } from '@/lib/registrations/registration-errors';
import { takePlace } from '@/lib/registrations/seating';
import { coordinatorAgency, type TCoordinatorAgency } from '@/lib/records/coordinator-scope';
import { isUuid } from '@/lib/workshops/workshops';
import { isAgencyMember } from './membership';
import { MAX_NOMINEES, type TNominee, type TNomineeLine } from './nominee-list';

export type TNominationResult = { registrationId: string; email: string; status: 'confirmed' | 'waitlisted'; waitlistPosition?: number };

/** Whether the session is open to the agency: joint with it, for it, or public. */
function openToAgency(session: TLoadedSession, agencyId: string, forAgency: boolean): boolean {
  return session.partnerAgencyId === agencyId || session.visibility === 'public' || (session.visibility === 'agencies' && forAgency);
}

/**
 * The session as the coordinator may register into it: upcoming, scheduled, of a published
 * workshop and open to their agency. Anything else is "not found", so a coordinator cannot
 * probe sessions that are none of their agency's business.
 */
export async function nominationSession(tx: Db, agency: TCoordinatorAgency, sessionId: string, now: Date, lock = false): Promise<TLoadedSession> {
  if (!isUuid(sessionId)) throw notFoundError('Session');
  const session = await loadPlaceSession(tx, sessionId, { lock });
  if (!session || session.workshopStatus !== 'published') throw notFoundError('Session');
  const [row] = await tx
    .select({ one: sql`1` })
    .from(sessionAgencies)
    .where(and(eq(sessionAgencies.sessionId, sessionId), eq(sessionAgencies.agencyId, agency.id)));
  if (!openToAgency(session, agency.id, Boolean(row))) throw notFoundError('Session');
  if (session.status === 'cancelled') throw sessionCancelledError();
  if (session.startsAt <= now) throw new AppError('registration_closed', 'This session has started; officers can no longer be registered for it.', 409);
  return session;
}

/**
 * Checks a pasted list against the session without saving anything: each line as read, with
 * what is wrong with it, including officers who already have a place in the session.
 */
export async function previewNominations(db: Db, actor: TActor, sessionId: string, lines: TNomineeLine[], now = new Date()): Promise<TNomineeLine[]> {
  const agency = await coordinatorAgency(db, actor);
  await nominationSession(db, agency, sessionId, now);
  const emails = lines.flatMap((line) => (line.nominee ? [line.nominee.email] : []));
  const booked = new Set(await activeEmails(db, sessionId, emails));
  return lines.map((line) => (line.nominee && booked.has(line.nominee.email) ? { ...line, problem: 'Already has a place in this session.' } : line));
}

async function activeEmails(db: Db, sessionId: string, emails: string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const rows = await db
    .select({ email: registrations.email })
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), inArray(registrations.email, emails), ne(registrations.status, 'cancelled')));
  return rows.map((row) => row.email);
}

/**
 * A coordinator registers officers of their agency, one or a list, in one transaction: each
 * becomes a member of the agency (nominated), takes a place as a self-registration would (their
 * agency's reserved seats first, then open ones, else the waitlist) and gets the normal
 * confirmation with its invite, saying the agency registered them. Nominations need no approval
 * and no email confirmation: the coordinator vouches for them. If any officer already has a place,
 * nothing is saved and the answer names them.
 */
export async function nominateOfficers(
  db: Db,
  actor: TActor,
  sessionId: string,
  nominees: readonly TNominee[],
  now = new Date(),
): Promise<TNominationResult[]> {
  const agency = await coordinatorAgency(db, actor);
  if (nominees.length === 0) throw new AppError('validation_failed', 'List at least one officer.', 422, { officers: 'List at least one officer.' });
  if (nominees.length > MAX_NOMINEES) {
    throw new AppError('validation_failed', `At most ${MAX_NOMINEES} officers at once.`, 422, { officers: `At most ${MAX_NOMINEES} officers at once.` });
  }
  return db.transaction(async (tx) => {
    const session = await nominationSession(tx, agency, sessionId, now, true);
    const already = await activeEmails(tx, sessionId, nominees.map((n) => n.email));
    if (already.length > 0) {
      const message = `${already.join(', ')} already ${already.length === 1 ? 'has a place' : 'have places'} in this session. Take ${already.length === 1 ? 'that line' : 'those lines'} out and register the rest.`;
      throw new AppError('already_registered', message, 409, { officers: message });
    }
    await tx
      .insert(agencyMembers)
      .values(nominees.map((n) => ({ agencyId: agency.id, email: n.email, source: 'nominated' as const, addedBy: actor!.id })))
      .onConflictDoNothing();
    const results: TNominationResult[] = [];
    for (const nominee of nominees) {
      const place = await takePlace(tx, session, { email: nominee.email, overbook: false, now });
      if (!place) throw sessionCancelledError();
      const person = { name: nominee.name, email: nominee.email, agency: agency.name, badgeNumber: nominee.badgeNumber, role: '', accessNeeds: '' };
      const result = await insertRegistration(tx, session, session.id, person, place, 'registered', now, { nominatedBy: agency.name });
      if (result.status === 'held' || result.status === 'pending_approval') throw new Error('A nomination is never held.');
      results.push({
        registrationId: result.id,
        email: nominee.email,
        status: result.status,
        ...(result.status === 'waitlisted' && { waitlistPosition: result.waitlistPosition }),
      });
    }
    await recordAudit(tx, {
      actorId: actor!.id,
      action: 'registration.nominated',
      subjectType: 'training_session',
      subjectId: session.id,
      sessionId: session.id,
      details: { agencyId: agency.id, officers: nominees.length, waitlisted: results.filter((r) => r.status === 'waitlisted').length },
    });
    return results;
  });
}

/**
 * A place of one of the coordinator's own officers, in a session open to the agency, with the
 * session locked: what a coordinator may cancel or hand to another officer. Anything else is
 * "not found".
 */
export async function nomineePlace(tx: Db, actor: TActor, registrationId: string, now: Date) {
  const agency = await coordinatorAgency(tx, actor);
  if (!isUuid(registrationId)) throw notFoundError('Registration');
  const [found] = await tx
    .select({ sessionId: registrations.sessionId, member: isAgencyMember(sql`${agency.id}::uuid`, registrations.email) })
    .from(registrations)
    .where(eq(registrations.id, registrationId));
  if (!found || !found.member) throw notFoundError('Registration');
  const session = await nominationSession(tx, agency, found.sessionId, now, true);
  const [current] = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), ne(registrations.status, 'cancelled')))
    .for('update');
  if (!current) throw new AppError('registration_cancelled', 'This registration has been cancelled already.', 409);
  if (current.holdExpiresAt) throw forbiddenError('This place waits for its holder to confirm it by email.');
  return { agency, session, current };
}
