import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { queryRows } from '@/db/client';
import { certificates, registrations, trainingSessions, workshops, type TAttendanceStatus, type TRegistrationStatus } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { formatCertificateDates } from '@/lib/certificates/render-pdf';
import { isAgencyMember } from '@/lib/agencies/membership';
import { askedPage, LIST_PAGE_SIZE, listPageFrom, type TListPage } from '@/lib/lists/page-of';
import { onShownPage } from '@/lib/lists/page-sql';
import { coordinatorAgency, type TCoordinatorAgency } from './coordinator-scope';

/** One of the agency's registrations, with what came of it. */
export type TAgencyRegistrationRow = {
  registrationId: string;
  sessionId: string;
  name: string;
  email: string;
  badgeNumber: string;
  workshopTitle: string;
  /** In the session's zone, the zone named. */
  sessionDate: string;
  startsAt: string;
  timeZone: string;
  sessionStatus: 'scheduled' | 'cancelled';
  status: TRegistrationStatus;
  attendance: TAttendanceStatus | null;
  /** Hours of the valid certificate; null without one. */
  hours: number | null;
  certificate: 'valid' | 'revoked' | null;
};

export type TAgencySessionRecord = {
  sessionId: string;
  workshopTitle: string;
  sessionDate: string;
  sessionStatus: 'scheduled' | 'cancelled';
  counts: Record<TRegistrationStatus, number>;
  /** Attended in full or in part. */
  attended: number;
  /** From valid certificates. */
  hours: number;
};

export type TAgencyOfficerRecord = {
  email: string;
  /** As given at their most recent registration. */
  name: string;
  /** Registrations not cancelled. */
  sessions: number;
  attended: number;
  hours: number;
};

export type TAgencyRecords = {
  agency: TCoordinatorAgency;
  sessions: TListPage<TAgencySessionRecord>;
  officers: TListPage<TAgencyOfficerRecord>;
};

/** Which page of each section to show, as the numbers came in the URL (anything else means page 1). */
export type TAgencyRecordsPages = { sessions?: unknown; officers?: unknown };

/**
 * The agency's officers' registrations in the sessions run jointly with it, most recent session
 * first. An officer is someone whose address is at the agency's domains or whom it confirmed
 * (isAgencyMember); the agency a person typed counts for nothing, and their training elsewhere is
 * none of this agency's business, as the registration form tells them. The agency is a parameter
 * of the query itself: callers get it from coordinatorAgency.
 */
export async function listAgencyRegistrations(db: Db, agencyId: string): Promise<TAgencyRegistrationRow[]> {
  const revoked = db
    .select({ one: sql`1` })
    .from(certificates)
    .where(and(eq(certificates.registrationId, registrations.id), isNotNull(certificates.revokedAt)));
  const rows = await db
    .select({
      registration: registrations,
      session: { id: trainingSessions.id, startsAt: trainingSessions.startsAt, endsAt: trainingSessions.endsAt, timeZone: trainingSessions.timeZone, status: trainingSessions.status },
      workshopTitle: workshops.title,
      hours: certificates.hours,
      hasRevoked: sql<boolean>`exists (${revoked})`,
    })
    .from(registrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, registrations.sessionId))
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .leftJoin(certificates, and(eq(certificates.registrationId, registrations.id), isNull(certificates.revokedAt)))
    .where(and(eq(trainingSessions.partnerAgencyId, agencyId), isAgencyMember(sql`${agencyId}::uuid`, registrations.email)))
    .orderBy(desc(trainingSessions.startsAt), asc(trainingSessions.id), asc(registrations.name), asc(registrations.id));
  return rows.map(({ registration: r, session: s, workshopTitle, hours, hasRevoked }) => ({
    registrationId: r.id,
    sessionId: s.id,
    name: r.name,
    email: r.email,
    badgeNumber: r.badgeNumber,
    workshopTitle,
    sessionDate: formatCertificateDates(s.startsAt, s.endsAt, s.timeZone),
    startsAt: s.startsAt.toISOString(),
    timeZone: s.timeZone,
    sessionStatus: s.status,
    status: r.status,
    attendance: r.attendance,
    hours: hours === null ? null : Number(hours),
    certificate: hours !== null ? 'valid' : hasRevoked ? 'revoked' : null,
  }));
}

/**
 * The agency's officers' registrations in its joint sessions, each with its session, workshop and
 * valid certificate, as `mine`: what every count and page of the records reads.
 */
function withAgencyRows(agencyId: string): SQL {
  return sql`with mine as (
    select r.id, r.email, r.name, r.status, r.attendance, s.id as session_id, s.starts_at, s.ends_at, s.time_zone,
      s.status as session_status, w.title as workshop_title, c.hours
    from ${registrations} r
    join ${trainingSessions} s on s.id = r.session_id
    join ${workshops} w on w.id = s.workshop_id
    left join ${certificates} c on c.registration_id = r.id and c.revoked_at is null
    where s.partner_agency_id = ${agencyId} and ${isAgencyMember(sql`${agencyId}::uuid`, sql`r.email`)}
  )`;
}

const ATTENDED_SOME = sql`(count(*) filter (where attendance in ('attended', 'partial')))::int as attended`;
// Summed as whole cents, so 0.1 + 0.2 hours add up to 0.3.
const VALID_HOURS_IN_CENTS = sql`coalesce(sum(round(hours * 100)), 0)::int as "hoursInCents"`;

type TSessionRow = Omit<TAgencySessionRecord, 'sessionDate' | 'hours'> & { startsMs: number; endsMs: number; timeZone: string; hoursInCents: number };
type TOfficerRow = Omit<TAgencyOfficerRecord, 'hours'> & { hoursInCents: number };
type TPageRows<T> = { rows: T[]; n: number | null; total: number };

/**
 * A page of the agency's sessions (most recent first) and one of its officers (by name, each once,
 * under the name given at their most recent registration), counted and paged in one query: `mine`
 * is read once for both.
 */
async function recordPages(db: Db, agencyId: string, requested: TAgencyRecordsPages): Promise<{ sessions: TPageRows<TSessionRow>; officers: TPageRows<TOfficerRow> }> {
  const [result] = await queryRows<{ sessions: TPageRows<TSessionRow>; officers: TPageRows<TOfficerRow> }>(
    db,
    sql`${withAgencyRows(agencyId)}, sessions as (
        select session_id as "sessionId", workshop_title as "workshopTitle", session_status as "sessionStatus", time_zone as "timeZone",
          (extract(epoch from starts_at) * 1000)::float8 as "startsMs", (extract(epoch from ends_at) * 1000)::float8 as "endsMs",
          json_build_object(
            'confirmed', count(*) filter (where status = 'confirmed'),
            'waitlisted', count(*) filter (where status = 'waitlisted'),
            'pending_approval', count(*) filter (where status = 'pending_approval'),
            'cancelled', count(*) filter (where status = 'cancelled')
          ) as counts,
          ${ATTENDED_SOME}, ${VALID_HOURS_IN_CENTS},
          row_number() over (order by starts_at desc, session_id) as n, count(*) over () as total
        from mine
        group by session_id, workshop_title, session_status, time_zone, starts_at, ends_at
      ), latest_name as (
        -- One sort for everyone, where array_agg(... order by ...)[1] sorted once per officer.
        select distinct on (email) email, name from mine order by email, starts_at desc, session_id, name, id
      ), each_officer as (
        select t.email, latest_name.name, t.sessions, t.attended, t."hoursInCents"
        from (
          select email, (count(*) filter (where status <> 'cancelled'))::int as sessions, ${ATTENDED_SOME}, ${VALID_HOURS_IN_CENTS}
          from mine group by email
        ) t join latest_name using (email)
      ), officers as (
        select *, row_number() over (order by lower(name), name, email) as n, count(*) over () as total from each_officer
      )
      select
        (select json_build_object('rows', coalesce(json_agg(to_jsonb(s) - 'n' - 'total' order by n), '[]'), 'n', min(n), 'total', coalesce(max(total), 0))
          from sessions s where ${onShownPage(askedPage(requested.sessions), LIST_PAGE_SIZE)}) as sessions,
        (select json_build_object('rows', coalesce(json_agg(to_jsonb(o) - 'n' - 'total' order by n), '[]'), 'n', min(n), 'total', coalesce(max(total), 0))
          from officers o where ${onShownPage(askedPage(requested.officers), LIST_PAGE_SIZE)}) as officers`,
  );
  return result!;
}

/** One of recordPages' lists as a page, its rows made items. */
function pageOfRows<T, R>({ rows, n, total }: TPageRows<R>, toItem: (row: R) => T): TListPage<T> {
  return listPageFrom(rows.map(toItem), n, Number(total));
}

/**
 * What a coordinator sees: their officers' registrations, attendance and hours in joint sessions,
 * per session and per officer, a page of each. The database counts and pages, so an agency of
 * thousands of officers costs a page, not its whole history.
 */
export async function getAgencyRecords(db: Db, actor: TActor, requested: TAgencyRecordsPages = {}): Promise<TAgencyRecords> {
  const agency = await coordinatorAgency(db, actor);
  const pages = await recordPages(db, agency.id, requested);
  return {
    agency,
    sessions: pageOfRows(pages.sessions, ({ startsMs, endsMs, timeZone, hoursInCents, ...row }) => ({
      ...row,
      sessionDate: formatCertificateDates(new Date(Number(startsMs)), new Date(Number(endsMs)), timeZone),
      hours: Number(hoursInCents) / 100,
    })),
    officers: pageOfRows(pages.officers, ({ hoursInCents, ...row }) => ({ ...row, hours: Number(hoursInCents) / 100 })),
  };
}
