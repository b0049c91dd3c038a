import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencies, registrations, sessionAllotments, trainingSessions } from '@/db/schema';

/** One agency's reserved seats in a session: places in them confirmed, held for an email, and free (0 once released). */
export type TAllotmentDto = { agencyId: string; agencyName: string; seats: number; taken: number; held: number; free: number };

/** The seats each session keeps per agency, by session, agencies by name. */
export async function allotmentsOf(db: Db, sessionIds: readonly string[]): Promise<Map<string, TAllotmentDto[]>> {
  const bySession = new Map<string, TAllotmentDto[]>();
  if (sessionIds.length === 0) return bySession;
  const a = sessionAllotments;
  const r = registrations;
  const rows = await db
    .select({
      sessionId: a.sessionId,
      agencyId: a.agencyId,
      agencyName: agencies.name,
      seats: a.seats,
      taken: a.taken,
      released: sql<boolean>`${trainingSessions.allotmentsReleasedAt} is not null`,
      held: sql<number>`(select count(*)::int from ${r} where ${r.sessionId} = ${a.sessionId} and ${r.allotmentAgencyId} = ${a.agencyId}
        and ${r.inReservedSeat} and ${r.status} = 'confirmed' and ${r.holdExpiresAt} is not null)`,
    })
    .from(a)
    .innerJoin(agencies, eq(agencies.id, a.agencyId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, a.sessionId))
    .where(inArray(a.sessionId, [...sessionIds]))
    .orderBy(asc(agencies.name), asc(agencies.id));
  for (const row of rows) {
    const held = Number(row.held);
    const dto = { agencyId: row.agencyId, agencyName: row.agencyName, seats: row.seats, taken: row.taken - held, held, free: row.released ? 0 : Math.max(0, row.seats - row.taken) };
    bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), dto]);
  }
  return bySession;
}

/** The allotments of one session as the API takes them. */
export async function allotmentInputsOf(db: Db, sessionId: string): Promise<{ agencyId: string; seats: number }[]> {
  return db
    .select({ agencyId: sessionAllotments.agencyId, seats: sessionAllotments.seats })
    .from(sessionAllotments)
    .where(and(eq(sessionAllotments.sessionId, sessionId)));
}
