import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencies, registrations, sessionFacilitators, trainingSessions, users, workshops, type TAttendanceStatus, type TRegistrationStatus } from '@/db/schema';

const HOUR = 3_600_000;

export type TRosterPerson = {
  name: string;
  email?: string;
  status?: TRegistrationStatus;
  attendance?: TAttendanceStatus | null;
  hours?: number | null;
};

/** A trainer with a name and a paper choice, as certificates print them. */
export async function namedTrainer(db: Db, email: string, name: string, paper: 'a4' | 'letter' = 'a4') {
  const [row] = await db.insert(users).values({ email, name, role: 'trainer', certificatePaper: paper }).returning({ id: users.id });
  return { id: row!.id, role: 'trainer' as const };
}

/** A published workshop with credit hours and, when given, a minimum for partial attendance. */
export async function creditedWorkshop(db: Db, slug: string, values: { creditHours?: number; minimumCertificateHours?: number | null } = {}) {
  const [row] = await db
    .insert(workshops)
    .values({
      slug,
      title: 'Trauma-informed interviewing',
      status: 'published',
      creditHours: values.creditHours ?? 3,
      creditCategory: 'POST continuing education',
      minimumCertificateHours: values.minimumCertificateHours === undefined ? 1.5 : values.minimumCertificateHours,
    })
    .returning({ id: workshops.id });
  return row!.id;
}

/**
 * A session that started `startedHoursAgo` hours ago (negative: in the future), with two
 * facilitators and, when named, a partner agency.
 */
export async function pastSession(db: Db, workshopId: string, options: { startedHoursAgo?: number; partnerAgency?: string } = {}) {
  const startsAt = new Date(Date.now() - (options.startedHoursAgo ?? 24) * HOUR);
  let partnerAgencyId: string | null = null;
  if (options.partnerAgency) {
    const [agency] = await db.insert(agencies).values({ name: options.partnerAgency, kind: 'police_department' }).returning({ id: agencies.id });
    partnerAgencyId = agency!.id;
  }
  const [row] = await db
    .insert(trainingSessions)
    .values({
      workshopId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * HOUR),
      timeZone: 'America/Chicago',
      venueName: 'Training Room 2',
      capacity: 1000,
      registrationOpensAt: new Date(startsAt.getTime() - 30 * 24 * HOUR),
      registrationClosesAt: startsAt,
      partnerAgencyId,
    })
    .returning({ id: trainingSessions.id });
  await db.insert(sessionFacilitators).values([
    { sessionId: row!.id, name: 'Sam Lee', position: 1 },
    { sessionId: row!.id, name: 'Dr Ana Ruiz', position: 0 },
  ]);
  return row!.id;
}

/** Registrations written directly (hundreds in one statement), with their attendance as recorded. */
export async function seedRoster(db: Db, sessionId: string, people: TRosterPerson[]): Promise<Map<string, string>> {
  if (people.length === 0) return new Map();
  const rows = await db
    .insert(registrations)
    .values(
      people.map((p) => ({
        sessionId,
        name: p.name,
        email: p.email ?? `${p.name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.org`,
        status: p.status ?? 'confirmed',
        confirmedAt: (p.status ?? 'confirmed') === 'confirmed' ? new Date() : null,
        manageTokenHash: randomBytes(32).toString('hex'),
        attendance: p.attendance ?? null,
        attendedHours: p.hours ?? null,
        attendanceRecordedAt: p.attendance ? new Date() : null,
      })),
    )
    .returning({ id: registrations.id, name: registrations.name });
  const confirmed = people.filter((p) => (p.status ?? 'confirmed') === 'confirmed').length;
  await db
    .update(trainingSessions)
    .set({ confirmedCount: sql`${trainingSessions.confirmedCount} + ${confirmed}` })
    .where(eq(trainingSessions.id, sessionId));
  return new Map(rows.map((r) => [r.name, r.id]));
}
