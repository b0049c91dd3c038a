import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencies, registrations, sessionAllotments, trainingSessions } from '@/db/schema';
import { isAgencyMember } from '@/lib/agencies/membership';
import { fieldError } from '@/lib/errors/app-error';

export type TAllotmentInput = { agencyId: string; seats: number };

const DEFAULT_RELEASE_MS = 7 * 24 * 3_600_000;

/** The default release of reserved seats: 7 days before the start. */
export function defaultReleaseAt(startsAt: Date): Date {
  return new Date(startsAt.getTime() - DEFAULT_RELEASE_MS);
}

/**
 * Sets the seats a session keeps for agencies until `releaseAt`, replacing what it kept, inside
 * the caller's transaction with the session row locked (or just inserted). The people already in
 * the session are counted again: each belongs to the first of the agencies (by name) they are a
 * member of, and that agency's confirmed people fill its reserved seats in the order they
 * confirmed. Refused, naming the field, when the people already holding open seats would not
 * fit beside the reserved ones. A release date already past opens every seat at once. The caller
 * moves the waitlist afterwards (promoteFromWaitlist).
 */
export async function reserveSeats(
  tx: Db,
  session: { id: string; capacity: number; confirmedCount: number },
  allotments: readonly TAllotmentInput[],
  releaseAt: Date,
  now: Date,
): Promise<void> {
  const s = trainingSessions;
  const a = sessionAllotments;
  const r = registrations;
  await tx.delete(a).where(eq(a.sessionId, session.id));
  if (allotments.length > 0) await tx.insert(a).values(allotments.map((allotment) => ({ sessionId: session.id, ...allotment })));
  const released = allotments.length === 0 || releaseAt <= now;
  await tx
    .update(s)
    .set({ allotmentsReleaseAt: allotments.length ? releaseAt : null, allotmentsReleasedAt: allotments.length && released ? now : null })
    .where(eq(s.id, session.id));

  // Who belongs to which allotment, then who of them sits in its reserved seats.
  await tx
    .update(r)
    .set({
      allotmentAgencyId: sql`(select x.agency_id from ${a} x join ${agencies} g on g.id = x.agency_id
        where x.session_id = ${session.id} and ${isAgencyMember(sql`x.agency_id`, r.email)} order by g.name, g.id limit 1)`,
      inReservedSeat: false,
    })
    .where(and(eq(r.sessionId, session.id), ne(r.status, 'cancelled')));
  await tx.execute(sql`
    with ranked as (
      select reg.id, row_number() over (partition by reg.allotment_agency_id order by reg.confirmed_at, reg.id) as n, x.seats
        from ${r} reg join ${a} x on x.session_id = reg.session_id and x.agency_id = reg.allotment_agency_id
       where reg.session_id = ${session.id} and reg.status = 'confirmed')
    update ${r} set in_reserved_seat = true from ranked where ${r}.id = ranked.id and ranked.n <= ranked.seats`);
  await tx.execute(sql`
    update ${a} x set taken = (select count(*) from ${r} reg
       where reg.session_id = x.session_id and reg.allotment_agency_id = x.agency_id and reg.in_reserved_seat and reg.status = 'confirmed')
     where x.session_id = ${session.id}`);
  if (released) return;

  const reservedSeats = allotments.reduce((sum, allotment) => sum + allotment.seats, 0);
  const [counts] = await tx
    .select({ inReserved: sql<number>`coalesce(sum(${a.taken}), 0)::int` })
    .from(a)
    .where(eq(a.sessionId, session.id));
  const openHolders = session.confirmedCount - Number(counts?.inReserved ?? 0);
  if (reservedSeats + openHolders > session.capacity) {
    const most = Math.max(0, session.capacity - openHolders);
    throw fieldError(
      'allotments',
      `${openHolders} ${openHolders === 1 ? 'person already holds an open seat' : 'people already hold open seats'}, so at most ${most} of the ${session.capacity} seats can be reserved.`,
    );
  }
}
