import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { agencies, agencyEmailDomains, agencyMembers, registrations, trainingSessions, users, workshops } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { TActor } from '@/lib/auth/actor';
import { forbiddenError, notFoundError, unauthorizedError } from '@/lib/errors/app-error';
import { formatSessionRange } from '@/lib/time/zoned';
import { isUuid } from '@/lib/workshops/workshops';

/**
 * Whether the address in `email` belongs to the agency `agencyId`: it is at one of the agency's
 * email domains, or the agency's coordinator (or a trainer) confirmed or nominated it. What a
 * person typed as their agency never makes them a member.
 */
export function isAgencyMember(agencyId: AnyPgColumn | SQL, email: AnyPgColumn | SQL): SQL<boolean> {
  // Both values are read in a select of their own, without a FROM, so a column passed unqualified
  // (Drizzle leaves columns bare in a one-table select list) still means the caller's row, never
  // agency_members.email or .agency_id inside the subqueries.
  return sql<boolean>`(select exists (
        select 1 from ${agencyEmailDomains} d where d.domain = split_part(who.address, '@', 2) and d.agency_id = who.agency)
      or exists (select 1 from ${agencyMembers} m where m.agency_id = who.agency and m.email = who.address)
    from (select (${agencyId})::uuid as agency, (${email})::text as address) as who)`;
}

/**
 * The agency an address verifiably belongs to (the oldest if several), as a subquery: two index
 * lookups (its domain, its memberships) however many agencies there are.
 */
export function verifiedAgencyOf(email: AnyPgColumn | SQL): SQL<string | null> {
  return sql<string | null>`(select found.agency_id from (select (${email})::text as address) as who, lateral (
        select d.agency_id from ${agencyEmailDomains} d where d.domain = split_part(who.address, '@', 2)
        union all
        select m.agency_id from ${agencyMembers} m where m.email = who.address
      ) as found order by (select v.created_at from ${agencies} v where v.id = found.agency_id), found.agency_id limit 1)`;
}

/** A registration whose typed agency names one, by someone not (yet) known to belong to it. */
export type TAgencyClaimDto = {
  registrationId: string;
  name: string;
  email: string;
  agencyAsGiven: string;
  workshopTitle: string;
  /** The session's time, its zone named. */
  when: string;
};

/** Who may decide an agency's claims: a trainer, or that agency's own coordinator (read afresh). */
async function assertMayDecide(db: Db, actor: TActor, agencyId: string): Promise<void> {
  if (!actor) throw unauthorizedError();
  if (actor.role === 'trainer') return;
  if (actor.role === 'coordinator') {
    const [row] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, actor.id), eq(users.role, 'coordinator'), eq(users.coordinatorAgencyId, agencyId)));
    if (row) return;
  }
  throw forbiddenError('Only the agency’s coordinator or a trainer can decide who is from the agency.');
}

/**
 * The registrations that claim the agency by its typed name from addresses not known to belong to
 * it, newest first, in sessions run jointly with the agency only (elsewhere the agency is told
 * nothing, as the form promises) and never a place still held for its email's confirmation.
 * A claim shows who and when, never the badge number, attendance or hours.
 */
export async function listAgencyClaims(db: Db, actor: TActor, agencyId: string): Promise<TAgencyClaimDto[]> {
  if (!isUuid(agencyId)) throw notFoundError('Agency');
  await assertMayDecide(db, actor, agencyId);
  const rows = await db
    .select({
      registrationId: registrations.id,
      name: registrations.name,
      email: registrations.email,
      agencyAsGiven: registrations.agency,
      workshopTitle: workshops.title,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
      timeZone: trainingSessions.timeZone,
    })
    .from(registrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, registrations.sessionId))
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(
      and(
        eq(registrations.claimedAgencyId, agencyId),
        eq(trainingSessions.partnerAgencyId, agencyId),
        ne(registrations.status, 'cancelled'),
        isNull(registrations.holdExpiresAt),
        sql`not ${isAgencyMember(sql`${agencyId}::uuid`, registrations.email)}`,
      ),
    )
    .orderBy(desc(trainingSessions.startsAt), asc(registrations.name), asc(registrations.id));
  return rows.map(({ startsAt, endsAt, timeZone, ...row }) => ({ ...row, when: formatSessionRange(startsAt, endsAt, timeZone) }));
}

async function claimOf(db: Db, registrationId: string) {
  if (!isUuid(registrationId)) throw notFoundError('Claim');
  const [row] = await db
    .select({ email: registrations.email, agencyId: registrations.claimedAgencyId, sessionId: registrations.sessionId })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), isNotNull(registrations.claimedAgencyId)));
  if (!row?.agencyId) throw notFoundError('Claim');
  return { ...row, agencyId: row.agencyId };
}

type TClaim = Awaited<ReturnType<typeof claimOf>>;

function recordDecision(tx: Db, actor: NonNullable<TActor>, action: 'agency_member.confirmed' | 'agency_claim.rejected', registrationId: string, claim: TClaim) {
  return recordAudit(tx, {
    actorId: actor.id,
    action,
    subjectType: 'agency',
    subjectId: claim.agencyId,
    sessionId: claim.sessionId,
    registrationId,
    personEmail: claim.email,
  });
}

/**
 * Confirms that the person who claimed an agency is one of its officers: their address becomes a
 * member, so all their places in sessions joint with the agency show to its coordinator.
 */
export async function confirmAgencyClaim(db: Db, actor: TActor, registrationId: string): Promise<void> {
  const claim = await claimOf(db, registrationId);
  await assertMayDecide(db, actor, claim.agencyId);
  await db.transaction(async (tx) => {
    await tx
      .insert(agencyMembers)
      .values({ agencyId: claim.agencyId, email: claim.email, source: 'confirmed', addedBy: actor!.id })
      .onConflictDoNothing();
    await recordDecision(tx, actor!, 'agency_member.confirmed', registrationId, claim);
  });
}

/** Rejects a claim: the registration no longer names the agency, and nothing of it was ever shown. */
export async function rejectAgencyClaim(db: Db, actor: TActor, registrationId: string): Promise<void> {
  const claim = await claimOf(db, registrationId);
  await assertMayDecide(db, actor, claim.agencyId);
  await db.transaction(async (tx) => {
    await tx.update(registrations).set({ claimedAgencyId: null, updatedAt: sql`now()` }).where(eq(registrations.id, registrationId));
    await recordDecision(tx, actor!, 'agency_claim.rejected', registrationId, claim);
  });
}
