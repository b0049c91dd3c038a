import { randomBytes } from 'node:crypto';
import type { Db } from '@/db';
import { certificates, registrations, trainingSessions, workshops, type TAttendanceStatus, type TCertificate, type TRegistrationStatus } from '@/db/schema';
import { newCertificateCode } from '@/lib/certificates/code';
import { certificateRecordColumns } from '@/lib/certificates/columns';
import { sha256Hex } from '@/lib/certificates/hash';
import { renderCertificatePdf } from '@/lib/certificates/render-pdf';

const HOUR = 3_600_000;
let serial = 0;

export type TSessionSeed = {
  workshopTitle?: string;
  startsAt?: Date;
  lengthHours?: number;
  timeZone?: string;
  creditHours?: number;
  creditCategory?: string;
  /** Run jointly with this agency. */
  partnerAgencyId?: string;
};

/** A published workshop and one session of it, held at `startsAt` in `timeZone`. */
export async function seedSession(db: Db, seed: TSessionSeed = {}): Promise<{ sessionId: string; workshopTitle: string; startsAt: Date; endsAt: Date; timeZone: string }> {
  const workshopTitle = seed.workshopTitle ?? 'Trauma-informed interviewing';
  const startsAt = seed.startsAt ?? new Date('2026-03-03T15:00:00Z');
  const endsAt = new Date(startsAt.getTime() + (seed.lengthHours ?? 3) * HOUR);
  const timeZone = seed.timeZone ?? 'America/Chicago';
  const [workshop] = await db
    .insert(workshops)
    .values({
      slug: `records-workshop-${++serial}-${randomBytes(3).toString('hex')}`,
      title: workshopTitle,
      status: 'published',
      creditHours: seed.creditHours ?? 3,
      creditCategory: seed.creditCategory ?? '',
    })
    .returning({ id: workshops.id });
  const [session] = await db
    .insert(trainingSessions)
    .values({
      workshopId: workshop!.id,
      startsAt,
      endsAt,
      timeZone,
      venueName: 'Training Room 2',
      capacity: 50,
      registrationOpensAt: new Date(startsAt.getTime() - 30 * 24 * HOUR),
      registrationClosesAt: startsAt,
      partnerAgencyId: seed.partnerAgencyId ?? null,
    })
    .returning({ id: trainingSessions.id });
  return { sessionId: session!.id, workshopTitle, startsAt, endsAt, timeZone };
}

export type TRegistrationSeed = {
  name: string;
  email: string;
  /** The agency the typed name matched: a claim only. */
  claimedAgencyId?: string | null;
  badgeNumber?: string;
  status?: TRegistrationStatus;
  attendance?: TAttendanceStatus | null;
  attendedHours?: number | null;
};

/** A registration written directly, with its attendance as a trainer would have recorded it. */
export async function seedRegistration(db: Db, sessionId: string, seed: TRegistrationSeed): Promise<string> {
  const status = seed.status ?? 'confirmed';
  const [row] = await db
    .insert(registrations)
    .values({
      sessionId,
      name: seed.name,
      email: seed.email.toLowerCase(),
      claimedAgencyId: seed.claimedAgencyId ?? null,
      badgeNumber: seed.badgeNumber ?? '',
      status,
      confirmedAt: status === 'confirmed' ? new Date() : null,
      cancelledAt: status === 'cancelled' ? new Date() : null,
      manageTokenHash: randomBytes(32).toString('hex'),
      attendance: seed.attendance ?? null,
      attendedHours: seed.attendedHours ?? null,
      attendanceRecordedAt: seed.attendance ? new Date() : null,
    })
    .returning({ id: registrations.id });
  return row!.id;
}

export type TCertificateSeed = {
  code?: string;
  hours?: number;
  creditCategory?: string;
  holderName?: string;
  paper?: 'a4' | 'letter';
  revoked?: { at: Date; reason: string; replacedByCode?: string };
};

/**
 * A certificate for a registration, as issuing stores it: the record, and the SHA-256 of the PDF
 * rendered from it. Returns the PDF too, for tests that upload or compare it.
 */
export async function seedCertificate(
  db: Db,
  session: Awaited<ReturnType<typeof seedSession>>,
  registration: { id: string; name: string; email: string },
  seed: TCertificateSeed = {},
): Promise<{ certificate: TCertificate; pdf: Uint8Array }> {
  const record = {
    code: seed.code ?? newCertificateCode(),
    registrationId: registration.id,
    sessionId: session.sessionId,
    holderName: seed.holderName ?? registration.name,
    holderEmail: registration.email.toLowerCase(),
    workshopTitle: session.workshopTitle,
    sessionStartsAt: session.startsAt,
    sessionEndsAt: session.endsAt,
    timeZone: session.timeZone,
    hours: seed.hours ?? 3,
    creditCategory: seed.creditCategory ?? '',
    facilitators: 'Dr Ana Ruiz',
    partnerAgency: '',
    issuer: 'Jo Trainer',
    issuerId: null,
    paper: seed.paper ?? 'a4',
    issuedAt: new Date(session.endsAt.getTime() + HOUR),
  };
  const pdf = await renderCertificatePdf(record);
  const [certificate] = await db
    .insert(certificates)
    .values({
      ...record,
      pdfSha256: sha256Hex(pdf),
      pdf,
      revokedAt: seed.revoked?.at ?? null,
      revokedReason: seed.revoked?.reason ?? null,
      replacedByCode: seed.revoked?.replacedByCode ?? null,
    })
    .returning(certificateRecordColumns);
  return { certificate: certificate!, pdf };
}

/** Someone who attended a session of their own and holds its certificate: the usual case in one call. */
export async function seedCertified(
  db: Db,
  person: { name: string; email: string; agencyId?: string | null },
  seed: TSessionSeed & TCertificateSeed = {},
): Promise<{ certificate: TCertificate; pdf: Uint8Array; sessionId: string; registrationId: string }> {
  const session = await seedSession(db, seed);
  const registrationId = await seedRegistration(db, session.sessionId, { ...person, attendance: 'attended' });
  const { certificate, pdf } = await seedCertificate(db, session, { id: registrationId, ...person }, seed);
  return { certificate, pdf, sessionId: session.sessionId, registrationId };
}
