import 'server-only';
import { and, asc, eq, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencies, sessionAllotments, trainingSessions } from '@/db/schema';
import { isAgencyMember } from '@/lib/agencies/membership';

/** What decides whether a session still keeps seats for agencies. */
export type TReleaseFacts = { allotmentsReleaseAt: Date | null; allotmentsReleasedAt: Date | null };

/** Whether the session still keeps seats for agencies (it has allotments not yet released). */
export function reservesSeats(session: TReleaseFacts): boolean {
  return session.allotmentsReleaseAt !== null && session.allotmentsReleasedAt === null;
}

/** Whether the release date has come for seats the session still keeps. */
export function releaseIsDue(session: TReleaseFacts, now: Date): boolean {
  return reservesSeats(session) && session.allotmentsReleaseAt! <= now;
}

/**
 * SQL for the reserved seats nobody has taken yet in the session row being updated: no open
 * seat may be given out of them. Zero for a session that reserves none or has released them.
 */
export const unusedReservedSeats: SQL<number> = sql<number>`(case when ${trainingSessions.allotmentsReleaseAt} is null
    or ${trainingSessions.allotmentsReleasedAt} is not null then 0
    else coalesce((select sum(greatest(a.seats - a.taken, 0)) from ${sessionAllotments} a
                    where a.session_id = ${trainingSessions.id}), 0) end)`;

export type TFreeAllotment = { agencyId: string; free: number };

/** The allotments of a session with seats left in them; the caller holds the session lock. */
export async function freeAllotments(tx: Db, sessionId: string): Promise<TFreeAllotment[]> {
  const a = sessionAllotments;
  const rows = await tx
    .select({ agencyId: a.agencyId, free: sql<number>`(${a.seats} - ${a.taken})::int` })
    .from(a)
    .where(and(eq(a.sessionId, sessionId), lt(a.taken, a.seats)))
    .orderBy(asc(a.agencyId));
  return rows.map((row) => ({ agencyId: row.agencyId, free: Number(row.free) }));
}

/**
 * The agencies with seats reserved in the session that `email` belongs to, in name order,
 * each with whether a reserved seat is still free.
 */
export async function allotmentsOfMember(tx: Db, sessionId: string, email: string): Promise<{ agencyId: string; free: boolean }[]> {
  const a = sessionAllotments;
  return tx
    .select({ agencyId: a.agencyId, free: sql<boolean>`${a.taken} < ${a.seats}` })
    .from(a)
    .innerJoin(agencies, eq(agencies.id, a.agencyId))
    .where(and(eq(a.sessionId, sessionId), isAgencyMember(a.agencyId, sql`${email}`)))
    .orderBy(asc(agencies.name), asc(agencies.id));
}

/** Counts places into (positive) or out of (negative) an agency's reserved seats. */
export async function countReservedSeats(tx: Db, sessionId: string, agencyId: string, by: number): Promise<void> {
  if (by === 0) return;
  const a = sessionAllotments;
  await tx
    .update(a)
    .set({ taken: sql`greatest(${a.taken} + ${by}, 0)` })
    .where(and(eq(a.sessionId, sessionId), eq(a.agencyId, agencyId)));
}

/** Marks a session's reserved seats released, if they were not; the caller then fills them. */
export async function markReleased(tx: Db, sessionId: string, now: Date): Promise<void> {
  const s = trainingSessions;
  await tx
    .update(s)
    .set({ allotmentsReleasedAt: now })
    .where(and(eq(s.id, sessionId), isNull(s.allotmentsReleasedAt), lte(s.allotmentsReleaseAt, now)));
}

/** Sessions whose reserved seats are due for release, oldest first. */
export async function sessionsDueForRelease(db: Db, now: Date, batch: number): Promise<string[]> {
  const s = trainingSessions;
  const rows = await db
    .select({ id: s.id })
    .from(s)
    .where(and(isNull(s.allotmentsReleasedAt), lte(s.allotmentsReleaseAt, now), eq(s.status, 'scheduled')))
    .orderBy(asc(s.allotmentsReleaseAt))
    .limit(batch);
  return rows.map((row) => row.id);
}
