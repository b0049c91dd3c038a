import 'server-only';
import { and, asc, eq, gt, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, sessionAgencies, trainingSessions, workshops } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { notFoundError } from '@/lib/errors/app-error';
import { coordinatorAgency, type TCoordinatorAgency } from '@/lib/records/coordinator-scope';
import { allotmentsOf, type TAllotmentDto } from '@/lib/sessions/allotments';
import { formatInstant, formatSessionRange } from '@/lib/time/zoned';
import { shownStatus } from '@/lib/registrations/queries';
import { isUuid } from '@/lib/workshops/workshops';
import { LIST_PAGE_SIZE, listPage, pageWindow, type TListPage } from '@/lib/lists/page-of';
import { isAgencyMember } from './membership';

/** A session the agency's officers may take part in, as its coordinator sees it. */
export type TAgencyUpcomingSession = {
  sessionId: string;
  workshopTitle: string;
  /** In the session's zone, the zone named. */
  when: string;
  /** Why the agency sees it. */
  openAs: 'joint' | 'for_agencies' | 'public';
  /** The agency's own reserved seats; null when it has none here. */
  allotment: Omit<TAllotmentDto, 'agencyId' | 'agencyName'> | null;
  /** When unused reserved seats are released, the zone named; null without allotments. */
  releasesAt: string | null;
  released: boolean;
  /** The agency's members with a confirmed place. */
  booked: number;
  waitlisted: number;
};

/** How far ahead the coordinator's list reaches: the next sessions, never every public session on record. */
export const AGENCY_UPCOMING_LIMIT = 200;

/**
 * Upcoming sessions open to the coordinator's agency: run jointly with it, for it (visibility
 * agencies), or public; with the agency's allotment and how many of its officers have places.
 * Nothing about anyone else's people. A page of the next AGENCY_UPCOMING_LIMIT, soonest first:
 * only the sessions on the page are counted.
 */
export async function listAgencyUpcomingSessions(
  db: Db,
  actor: TActor,
  { page, size = LIST_PAGE_SIZE, now = new Date() }: { page?: unknown; size?: number; now?: Date } = {},
): Promise<{ agency: TCoordinatorAgency; sessions: TListPage<TAgencyUpcomingSession>; more: boolean }> {
  const agency = await coordinatorAgency(db, actor);
  // One past the limit, to know whether later sessions exist.
  const found = await db
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(openToAgency(agency, now))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
    .limit(AGENCY_UPCOMING_LIMIT + 1);
  const next = found.slice(0, AGENCY_UPCOMING_LIMIT);
  const shown = pageWindow(page, next.length, size);
  const ids = next.slice(shown.offset, shown.offset + shown.limit).map((row) => row.id);
  const sessions = ids.length ? await upcomingOpenSessions(db, agency, now, ids) : [];
  return { agency, sessions: listPage(sessions, shown.page, next.length, size), more: found.length > AGENCY_UPCOMING_LIMIT };
}

/** Whether the session lists the agency among those it is for (visibility agencies). */
function isForAgency(agency: TCoordinatorAgency): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${sessionAgencies} sa where sa.session_id = ${trainingSessions.id} and sa.agency_id = ${agency.id})`;
}

/** Scheduled sessions of published workshops, not started, that the agency's officers may take part in. */
function openToAgency(agency: TCoordinatorAgency, now: Date): SQL | undefined {
  const s = trainingSessions;
  return and(
    eq(s.status, 'scheduled'),
    eq(workshops.status, 'published'),
    gt(s.startsAt, now),
    or(eq(s.partnerAgencyId, agency.id), eq(s.visibility, 'public'), and(eq(s.visibility, 'agencies'), isForAgency(agency))),
  );
}

/** Those of the sessions `ids` open to the agency, soonest first, with its officers counted. */
async function upcomingOpenSessions(
  db: Db,
  agency: TCoordinatorAgency,
  now: Date,
  ids: string[],
): Promise<(TAgencyUpcomingSession & { where: string })[]> {
  const s = trainingSessions;
  const r = registrations;
  const members = (status: 'confirmed' | 'waitlisted') =>
    sql<number>`(select count(*)::int from ${r} where ${r.sessionId} = ${s.id} and ${r.status} = ${status} and ${isAgencyMember(sql`${agency.id}::uuid`, r.email)})`;
  const rows = await db
    .select({
      session: s,
      workshopTitle: workshops.title,
      forAgency: isForAgency(agency),
      booked: members('confirmed'),
      waitlisted: members('waitlisted'),
    })
    .from(s)
    .innerJoin(workshops, eq(workshops.id, s.workshopId))
    .where(and(inArray(s.id, ids), openToAgency(agency, now)))
    .orderBy(asc(s.startsAt), asc(s.id));
  const allotments = await allotmentsOf(db, rows.filter((row) => row.session.allotmentsReleaseAt).map((row) => row.session.id));
  return rows.map(({ session, workshopTitle, forAgency: isFor, booked, waitlisted }) => {
      const own = allotments.get(session.id)?.find((a) => a.agencyId === agency.id);
      const released = session.allotmentsReleasedAt !== null;
      return {
        sessionId: session.id,
        workshopTitle,
        when: formatSessionRange(session.startsAt, session.endsAt, session.timeZone),
        openAs: session.partnerAgencyId === agency.id ? 'joint' : isFor ? 'for_agencies' : 'public',
        allotment: own ? { seats: own.seats, taken: own.taken, held: own.held, free: own.free } : null,
        releasesAt: own && session.allotmentsReleaseAt ? formatInstant(session.allotmentsReleaseAt, session.timeZone) : null,
        released,
        booked: Number(booked),
        waitlisted: Number(waitlisted),
        where: [session.venueName, session.venueAddress].filter(Boolean).join(', ') || (session.onlineUrl ? 'Online' : ''),
      };
    });
}

/** One of the agency's officers with a place in a session. */
export type TAgencyNominee = {
  registrationId: string;
  name: string;
  email: string;
  badgeNumber: string;
  status: 'confirmed' | 'waitlisted' | 'pending_approval';
  /** 1 first; only when waitlisted. */
  waitlistPosition: number | null;
  /** Waiting for approval: until when, with its zone; and whether this coordinator decides it. */
  approvalUntil: string | null;
  coordinatorDecides: boolean;
};

/**
 * One upcoming session open to the coordinator's agency, with its officers' places (never a
 * place still held for its email, never anyone else's people). "Not found" for any session not
 * open to the agency, as on the list.
 */
export async function getAgencySession(
  db: Db,
  actor: TActor,
  sessionId: string,
  now = new Date(),
): Promise<{ agency: TCoordinatorAgency; session: TAgencyUpcomingSession & { where: string }; officers: TAgencyNominee[] }> {
  const agency = await coordinatorAgency(db, actor);
  const [session] = isUuid(sessionId) ? await upcomingOpenSessions(db, agency, now, [sessionId]) : [];
  if (!session) throw notFoundError('Session');
  const r = registrations;
  const rows = await db
    .select({
      registrationId: r.id,
      name: r.name,
      email: r.email,
      badgeNumber: r.badgeNumber,
      status: r.status,
      approvalExpiresAt: r.approvalExpiresAt,
      approverAgencyId: r.approverAgencyId,
      timeZone: trainingSessions.timeZone,
      waitlistPosition: sql<number | null>`case when ${r.status} = 'waitlisted' then (select count(*)::int from ${r} w
        where w.session_id = ${r.sessionId} and w.status = 'waitlisted' and (w.waitlisted_at, w.id) <= (${r.waitlistedAt}, ${r.id})) end`,
    })
    .from(r)
    .innerJoin(trainingSessions, eq(trainingSessions.id, r.sessionId))
    .where(and(eq(r.sessionId, sessionId), ne(r.status, 'cancelled'), isNull(r.holdExpiresAt), isAgencyMember(sql`${agency.id}::uuid`, r.email)))
    .orderBy(asc(r.name), asc(r.id));
  return {
    agency,
    session,
    officers: rows.map(({ approvalExpiresAt, approverAgencyId, timeZone, ...row }) => ({
      ...row,
      status: shownStatus({ status: row.status, approvalExpiresAt }) as TAgencyNominee['status'],
      waitlistPosition: row.waitlistPosition === null || approvalExpiresAt ? null : Number(row.waitlistPosition),
      approvalUntil: approvalExpiresAt ? formatInstant(approvalExpiresAt, timeZone) : null,
      coordinatorDecides: approvalExpiresAt !== null && approverAgencyId === agency.id,
    })),
  };
}
