import 'server-only';
import { count, eq } from 'drizzle-orm';
import { issueCertificates } from '@/lib/certificates/issue';
import { manageTokenFor } from '@/lib/registrations/tokens';
import { wallTimeToInstant } from '@/lib/time/zoned';
import type { Db } from './client';
import { DEMO_TRAINER_EMAIL } from './demo';
import { agencies, agencyMembers, certificates, registrations, sessionFacilitators, trainingSessions, users, workshops } from './schema';

/**
 * A session held last week, jointly with Riverside, with attendance taken and certificates issued,
 * so the demo officers have a record on My training and a code to try on /verify: one attended,
 * one stayed part of the day, one was absent. For Riverside's coordinator: one is Riverside's by
 * email domain, one was confirmed by hand, and one only typed Riverside's name (a claim to decide).
 */
export async function seedDemoCertificates(db: Db, now = new Date()): Promise<void> {
  const [issued] = await db.select({ n: count() }).from(certificates);
  if ((issued?.n ?? 0) > 0) return;
  const [trainer] = await db.select().from(users).where(eq(users.email, DEMO_TRAINER_EMAIL));
  const [workshop] = await db.select().from(workshops).where(eq(workshops.slug, 'trauma-informed-interviewing'));
  if (!trainer || !workshop) return;
  const [riverside] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, 'Riverside Police Department'));

  const held = new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  const zone = 'America/Chicago';
  const [session] = await db
    .insert(trainingSessions)
    .values({
      workshopId: workshop.id,
      startsAt: wallTimeToInstant(`${held}T09:00`, zone),
      endsAt: wallTimeToInstant(`${held}T12:00`, zone),
      timeZone: zone,
      capacity: 24,
      confirmedCount: 3,
      venueName: 'Riverside Training Center',
      venueAddress: '100 River St, Riverside',
      registrationOpensAt: new Date(now.getTime() - 30 * 86_400_000),
      registrationClosesAt: wallTimeToInstant(`${held}T09:00`, zone),
      partnerAgencyId: riverside?.id ?? null,
    })
    .returning({ id: trainingSessions.id });
  await db.insert(sessionFacilitators).values({ sessionId: session!.id, userId: trainer.id, name: trainer.name ?? trainer.email, email: trainer.email });

  const people = [
    { name: 'Łukasz Żółć', email: 'lukasz.zolc@riverside.example', attendance: 'attended' as const, attendedHours: null, claims: false },
    { name: 'Nguyễn Thị Minh Khai', email: 'officer.minh@example.org', attendance: 'partial' as const, attendedHours: 2, claims: false },
    { name: "Zoë O'Brien-Ånström", email: 'officer.zoe@example.org', attendance: 'absent' as const, attendedHours: null, claims: true },
  ];
  if (riverside) {
    await db.insert(agencyMembers).values({ agencyId: riverside.id, email: 'officer.minh@example.org', source: 'confirmed', addedBy: trainer.id });
  }
  await db.insert(registrations).values(
    people.map((person) => {
      const id = crypto.randomUUID();
      return {
        id,
        sessionId: session!.id,
        name: person.name,
        email: person.email,
        agency: 'Riverside Police Department',
        claimedAgencyId: person.claims ? (riverside?.id ?? null) : null,
        status: 'confirmed' as const,
        confirmedAt: new Date(now.getTime() - 20 * 86_400_000),
        manageTokenHash: manageTokenFor(id).hash,
        attendance: person.attendance,
        attendedHours: person.attendedHours,
        attendanceRecordedAt: wallTimeToInstant(`${held}T09:05`, zone),
        attendanceRecordedBy: trainer.id,
      };
    }),
  );
  await issueCertificates(db, { id: trainer.id, role: 'trainer' }, session!.id, { now });
}
