import 'server-only';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { sessionFacilitators, trainingSessions, users, workshops } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { forbiddenError, notFoundError, unauthorizedError } from '@/lib/errors/app-error';
import { formatSessionRange } from '@/lib/time/zoned';
import { isUuid } from '@/lib/workshops/workshops';

/** How someone may work on one session: a trainer on any; a co-facilitator on the ones that list them. */
export type TStaffRole = 'trainer' | 'co_facilitator';

/** A co-facilitator row of the session with the email of the person signed in (not the lead trainer's row). */
function listsAsCoFacilitator(userId: string) {
  return and(
    isNull(sessionFacilitators.userId),
    ne(sessionFacilitators.email, ''),
    sql`lower(${sessionFacilitators.email}) = (select lower(${users.email}) from ${users} where ${users.id} = ${userId})`,
  );
}

/** The actor's part in the session's staff, or null when they have none (or the id is no session). */
export async function staffRoleIn(db: Db, actor: TActor, sessionId: string): Promise<TStaffRole | null> {
  if (!actor) return null;
  if (actor.role === 'trainer') return 'trainer';
  if (!isUuid(sessionId)) return null;
  const [row] = await db
    .select({ id: sessionFacilitators.id })
    .from(sessionFacilitators)
    .where(and(eq(sessionFacilitators.sessionId, sessionId), listsAsCoFacilitator(actor.id)))
    .limit(1);
  return row ? 'co_facilitator' : null;
}

/**
 * Session staff may read the session's roster and take its attendance, and nothing else: every
 * other trainer operation keeps assertTrainer. A session that does not list the actor is refused
 * the same whether it exists or not, so nobody learns which ids are sessions.
 */
export async function assertSessionStaff(db: Db, actor: TActor, sessionId: string): Promise<TStaffRole> {
  if (!actor) throw unauthorizedError();
  const role = await staffRoleIn(db, actor, sessionId);
  if (!role) throw forbiddenError('Only the session’s trainers and co-facilitators can do this.');
  return role;
}

export type TCoFacilitatedSession = { sessionId: string; workshopTitle: string; when: string; cancelled: boolean };

/** How long after its end a session stays in a co-facilitator's list: attendance is often finished the next days. */
const RECENT_MS = 30 * 86_400_000;

/** The sessions that list the actor as a co-facilitator: upcoming and recent ones, soonest last. */
export async function listCoFacilitatedSessions(db: Db, actor: TActor, now = new Date()): Promise<TCoFacilitatedSession[]> {
  if (!actor || actor.role === 'trainer') return [];
  const rows = await db
    .select({ session: trainingSessions, workshopTitle: workshops.title })
    .from(sessionFacilitators)
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionFacilitators.sessionId))
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(and(listsAsCoFacilitator(actor.id), gt(trainingSessions.endsAt, new Date(now.getTime() - RECENT_MS))))
    .orderBy(desc(trainingSessions.startsAt))
    .limit(100);
  // A session listing the same address twice is one session to them.
  const unique = rows.filter((row, i) => rows.findIndex((other) => other.session.id === row.session.id) === i);
  return unique.map(({ session, workshopTitle }) => ({
    sessionId: session.id,
    workshopTitle,
    when: formatSessionRange(session.startsAt, session.endsAt, session.timeZone),
    cancelled: session.status === 'cancelled',
  }));
}

/** What a co-facilitator's roster shows of the session itself. */
export type TStaffSessionDto = {
  id: string;
  workshopTitle: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  onlineUrl: string | null;
  status: 'scheduled' | 'cancelled';
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
};

/** The session as its staff see it above the roster; 404 for a trainer asking for no session. */
export async function getSessionForStaff(db: Db, actor: TActor, sessionId: string): Promise<TStaffSessionDto> {
  await assertSessionStaff(db, actor, sessionId);
  if (!isUuid(sessionId)) throw notFoundError('Session');
  const [row] = await db
    .select({ session: trainingSessions, workshopTitle: workshops.title })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(eq(trainingSessions.id, sessionId));
  if (!row) throw notFoundError('Session');
  const s = row.session;
  return {
    id: s.id,
    workshopTitle: row.workshopTitle,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    timeZone: s.timeZone,
    venueName: s.venueName,
    venueAddress: s.venueAddress,
    onlineUrl: s.onlineUrl,
    status: s.status,
    capacity: s.capacity,
    confirmedCount: s.confirmedCount,
    waitlistCount: s.waitlistCount,
  };
}
