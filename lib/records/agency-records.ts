import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { certificates, registrations, trainingSessions, workshops, type TAttendanceStatus, type TRegistrationStatus } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { formatCertificateDates } from '@/lib/certificates/render-pdf';
import { isAgencyMember } from '@/lib/agencies/membership';
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
  sessions: TAgencySessionRecord[];
  officers: TAgencyOfficerRecord[];
};

const cents = (hours: number | null) => Math.round((hours ?? 0) * 100);
const attendedSome = (row: TAgencyRegistrationRow) => row.attendance === 'attended' || row.attendance === 'partial';

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

function bySession(rows: TAgencyRegistrationRow[]): TAgencySessionRecord[] {
  const sessions = new Map<string, TAgencySessionRecord & { hoursInCents: number }>();
  for (const row of rows) {
    let record = sessions.get(row.sessionId);
    if (!record) {
      record = {
        sessionId: row.sessionId,
        workshopTitle: row.workshopTitle,
        sessionDate: row.sessionDate,
        sessionStatus: row.sessionStatus,
        counts: { confirmed: 0, waitlisted: 0, pending_approval: 0, cancelled: 0 },
        attended: 0,
        hours: 0,
        hoursInCents: 0,
      };
      sessions.set(row.sessionId, record);
    }
    record.counts[row.status] += 1;
    if (attendedSome(row)) record.attended += 1;
    record.hoursInCents += cents(row.hours);
  }
  return [...sessions.values()].map(({ hoursInCents, ...record }) => ({ ...record, hours: hoursInCents / 100 }));
}

/** Rows come most recent session first, so an officer's first row carries the name they gave last. */
function byOfficer(rows: TAgencyRegistrationRow[]): TAgencyOfficerRecord[] {
  const officers = new Map<string, TAgencyOfficerRecord & { hoursInCents: number }>();
  for (const row of rows) {
    let record = officers.get(row.email);
    if (!record) {
      record = { email: row.email, name: row.name, sessions: 0, attended: 0, hours: 0, hoursInCents: 0 };
      officers.set(row.email, record);
    }
    if (row.status !== 'cancelled') record.sessions += 1;
    if (attendedSome(row)) record.attended += 1;
    record.hoursInCents += cents(row.hours);
  }
  return [...officers.values()]
    .map(({ hoursInCents, ...record }) => ({ ...record, hours: hoursInCents / 100 }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
}

/** What a coordinator sees: their officers' registrations, attendance and hours in joint sessions, per session and per officer. */
export async function getAgencyRecords(db: Db, actor: TActor): Promise<TAgencyRecords> {
  const agency = await coordinatorAgency(db, actor);
  const rows = await listAgencyRegistrations(db, agency.id);
  return { agency, sessions: bySession(rows), officers: byOfficer(rows) };
}
