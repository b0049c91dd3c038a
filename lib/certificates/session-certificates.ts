import 'server-only';
import { asc, eq } from 'drizzle-orm';
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
  /** Confirmed people by registration id. */
  attendance: Record<string, TAttendanceDto>;
  /** Confirmed people without a certificate whose attendance earns one: what issuing would do now. */
  toIssue: number;
  /** Confirmed people with no attendance recorded: they get no certificate. */
  unrecorded: number;
};

/** A session's certificates and its confirmed people's attendance, for its trainer. */
export async function listSessionCertificates(db: Db, actor: TActor, sessionId: string): Promise<TSessionCertificates> {
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
  const [rows, people] = await Promise.all([
    db.select(certificateRecordColumns).from(certificates).where(eq(certificates.sessionId, sessionId)).orderBy(asc(certificates.holderName), asc(certificates.issuedAt)),
    db
      .select({ id: registrations.id, status: registrations.status, attendance: registrations.attendance, attendedHours: registrations.attendedHours })
      .from(registrations)
      .where(eq(registrations.sessionId, sessionId)),
  ]);
  const certified = new Set(rows.map((row) => row.registrationId));
  const attendance: Record<string, TAttendanceDto> = {};
  let toIssue = 0;
  let unrecorded = 0;
  for (const person of people) {
    if (person.status !== 'confirmed') continue;
    const earns = certificateHours(person, session);
    attendance[person.id] = { attendance: person.attendance, attendedHours: person.attendedHours, earns };
    if (earns !== null && !certified.has(person.id)) toIssue += 1;
    if (person.attendance === null) unrecorded += 1;
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
