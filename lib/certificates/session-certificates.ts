import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { certificates, registrations, trainingSessions, workshops, type TAttendanceStatus } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { notFoundError } from '@/lib/errors/app-error';
import { isUuid } from '@/lib/workshops/workshops';
import { formatCertificateCode } from './code';
import { certificateRecordColumns } from './columns';
import { certificateHours } from './eligibility';

/** One certificate of a session, as its trainer's page lists it. */
export type TSessionCertificateDto = {
  /** As printed: 7K2Q-9XWD-4HPA-M3TR. */
  code: string;
  registrationId: string;
  holderName: string;
  holderEmail: string;
  hours: number;
  creditCategory: string;
  issuedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  replacedByCode: string | null;
};

export type TAttendanceDto = {
  attendance: TAttendanceStatus | null;
  attendedHours: number | null;
  /** The hours a certificate would carry; null when attendance earns none. */
  earns: number | null;
};

export type TSessionCertificates = {
  rosterClosedAt: string | null;
  certificates: TSessionCertificateDto[];
  /** The confirmed people asked about (attendanceOf), by registration id. */
  attendance: Record<string, TAttendanceDto>;
  /** Confirmed people without a certificate whose attendance earns one: what issuing would do now. */
  toIssue: number;
  /** Confirmed people with no attendance recorded: they get no certificate. */
  unrecorded: number;
};

/**
 * A session's certificates, what issuing would do, and the attendance of the confirmed people in
 * `attendanceOf` (those a page shows). The counts come grouped by attendance from the database,
 * so a session of thousands costs a few rows, not one per person.
 */
export async function listSessionCertificates(db: Db, actor: TActor, sessionId: string, attendanceOf: readonly string[] = []): Promise<TSessionCertificates> {
  assertTrainer(actor);
  if (!isUuid(sessionId)) throw notFoundError('Session');
  const [session] = await db
    .select({
      rosterClosedAt: trainingSessions.rosterClosedAt,
      creditHours: workshops.creditHours,
      minimumCertificateHours: workshops.minimumCertificateHours,
    })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(eq(trainingSessions.id, sessionId));
  if (!session) throw notFoundError('Session');
  const confirmedHere = and(eq(registrations.sessionId, sessionId), eq(registrations.status, 'confirmed'));
  // Joined, not exists() per row: the planner takes that for a scan of every certificate.
  const issued = db.selectDistinct({ registrationId: certificates.registrationId }).from(certificates).where(eq(certificates.sessionId, sessionId)).as('issued');
  const certified = sql<boolean>`${issued.registrationId} is not null`;
  const askedIds = attendanceOf.filter(isUuid);
  const [rows, groups, asked] = await Promise.all([
    db.select(certificateRecordColumns).from(certificates).where(eq(certificates.sessionId, sessionId)).orderBy(asc(certificates.holderName), asc(certificates.issuedAt)),
    db
      .select({ attendance: registrations.attendance, attendedHours: registrations.attendedHours, certified, people: sql<number>`count(*)::int` })
      .from(registrations)
      .leftJoin(issued, eq(issued.registrationId, registrations.id))
      .where(confirmedHere)
      .groupBy(registrations.attendance, registrations.attendedHours, certified),
    askedIds.length === 0
      ? []
      : db
          .select({ id: registrations.id, attendance: registrations.attendance, attendedHours: registrations.attendedHours })
          .from(registrations)
          .where(and(confirmedHere, inArray(registrations.id, askedIds))),
  ]);
  const earnsOf = (person: { attendance: TAttendanceStatus | null; attendedHours: number | null }) => certificateHours({ ...person, status: 'confirmed' }, session);
  const attendance: Record<string, TAttendanceDto> = {};
  for (const person of asked) attendance[person.id] = { attendance: person.attendance, attendedHours: person.attendedHours, earns: earnsOf(person) };
  let toIssue = 0;
  let unrecorded = 0;
  for (const group of groups) {
    if (earnsOf(group) !== null && !group.certified) toIssue += group.people;
    if (group.attendance === null) unrecorded += group.people;
  }
  return {
    rosterClosedAt: session.rosterClosedAt?.toISOString() ?? null,
    certificates: rows.map((row) => ({
      code: formatCertificateCode(row.code),
      registrationId: row.registrationId,
      holderName: row.holderName,
      holderEmail: row.holderEmail,
      hours: row.hours,
      creditCategory: row.creditCategory,
      issuedAt: row.issuedAt.toISOString(),
      revokedAt: row.revokedAt?.toISOString() ?? null,
      revokedReason: row.revokedReason,
      replacedByCode: row.replacedByCode ? formatCertificateCode(row.replacedByCode) : null,
    })),
    attendance,
    toIssue,
    unrecorded,
  };
}
