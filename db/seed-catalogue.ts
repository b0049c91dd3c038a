import 'server-only';
import { count, eq } from 'drizzle-orm';
import { wallTimeToInstant } from '@/lib/time/zoned';
import type { Db } from './client';
import { DEMO_CO_FACILITATOR_EMAIL, DEMO_TRAINER_EMAIL } from './demo';
import { agencies, agencyContacts, partnerships, sessionAgencies, sessionAllotments, sessionFacilitators, trainingSessions, users, workshops } from './schema';

const day = (offsetDays: number, from = new Date()) => {
  const d = new Date(from);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
};

const demoWorkshops = [
  {
    slug: 'trauma-informed-interviewing',
    title: 'Trauma-informed interviewing of victims',
    summary: 'How trauma shapes memory and behaviour, and how to interview victims so they can tell you what happened.',
    descriptionMarkdown:
      'Victims of violence often present in ways that look like evasion: gaps, changing details, flat affect.\n\n' +
      'This workshop explains **why**, and practises interview techniques that keep people talking.\n\n' +
      '- The neurobiology of trauma, briefly\n- Building safety in the first five minutes\n- Questions that help, and questions that shut people down',
    learningObjectives: [
      'Recognise common trauma responses during an interview',
      'Open an interview in a way that builds safety',
      'Use open, non-leading questions',
    ],
    audience: 'Patrol officers, detectives and victim advocates',
    topics: ['trauma-informed care', 'interviewing victims'],
    durationMinutes: 180,
    creditHours: 3,
    creditCategory: 'POST continuing education',
    contentNotice: 'This workshop discusses physical and sexual violence and its effect on survivors.',
  },
  {
    slug: 'recognising-signs-of-child-abuse',
    title: 'Recognising the signs of child abuse',
    summary: 'What abuse and neglect look like on a call, and what to do next: joint training with child protection.',
    descriptionMarkdown: 'Run jointly with child protection services. Case-based, with time for questions.',
    learningObjectives: ['Recognise physical and behavioural indicators of abuse', 'Make a referral that child protection can act on'],
    audience: 'Officers responding to domestic calls; school resource officers',
    topics: ['child protection', 'recognising abuse'],
    durationMinutes: 240,
    creditHours: 3.5,
    creditCategory: 'POST continuing education',
    contentNotice: 'This workshop discusses the abuse and neglect of children.',
  },
  {
    slug: 'bullying-prevention-for-sros',
    title: 'Bullying prevention for school resource officers',
    summary: 'Working with schools and families to stop bullying before it becomes a police matter.',
    descriptionMarkdown: 'An online workshop for school resource officers and school staff.',
    learningObjectives: ['Tell bullying from conflict', 'Plan a response together with the school'],
    audience: 'School resource officers, school staff',
    topics: ['bullying prevention'],
    durationMinutes: 120,
    creditHours: 2,
    creditCategory: 'POST continuing education',
    contentNotice: '',
  },
];

/** Demo partner agencies, workshops and upcoming sessions, relative to today. */
export async function seedDemoCatalogue(db: Db, now = new Date()): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(workshops);
  if ((existing?.n ?? 0) > 0) return;
  const [trainer] = await db.select().from(users).where(eq(users.email, DEMO_TRAINER_EMAIL));
  await db.transaction(async (tx) => {
    const [riverside] = await tx
      .insert(agencies)
      .values({
        name: 'Riverside Police Department',
        kind: 'police_department',
        units: ['Child protection unit', 'Community relations'],
        emailDomains: ['riverside.example'],
        notes: 'Training coordinator prefers sessions on Tuesdays.',
      })
      .returning();
    const [cps] = await tx
      .insert(agencies)
      .values({ name: 'Lakeview Child Protection Service', kind: 'child_protection_service', units: ['Intake'] })
      .returning();
    await tx.insert(agencyContacts).values([
      { agencyId: riverside!.id, name: 'Sgt. Dana Whitfield', role: 'Training officer', email: DEMO_CO_FACILITATOR_EMAIL, phone: '+1 555 0100' },
      { agencyId: cps!.id, name: 'Priya Raman', role: 'Intake lead', email: 'p.raman@example.org', phone: '+1 555 0142' },
    ]);
    await tx.insert(partnerships).values({
      agencyId: riverside!.id,
      mouStatus: 'signed',
      signedOn: day(-320, now),
      renewalOn: day(45, now),
      informationSharingProtocol: 'Referrals are shared by phone with the unit on duty; no case details by email.',
    });

    const created = await tx
      .insert(workshops)
      .values(demoWorkshops.map((w) => ({ ...w, status: 'published' as const, publishedAt: now, ownerId: trainer?.id })))
      .returning();
    await tx.insert(workshops).values({
      slug: 'de-escalation-with-young-people',
      title: 'De-escalation with young people (draft)',
      summary: 'Still being written.',
      ownerId: trainer?.id,
    });

    const at = (date: string, time: string, zone: string) => wallTimeToInstant(`${date}T${time}`, zone);
    const sessionRows = [
      { w: 0, date: day(7, now), from: '09:00', to: '12:00', zone: 'America/Chicago', capacity: 24, venue: ['Riverside Training Center', '100 River St, Riverside'], agency: null },
      { w: 0, date: day(21, now), from: '13:00', to: '16:00', zone: 'America/New_York', capacity: 30, venue: ['Eastside Community Hall', '12 Main St, Eastville'], agency: null },
      { w: 1, date: day(14, now), from: '09:00', to: '13:00', zone: 'America/Chicago', capacity: 20, venue: ['Riverside Police Department, Room 2', '1 Justice Plaza, Riverside'], agency: riverside!.id },
      { w: 2, date: day(10, now), from: '15:00', to: '17:00', zone: 'America/Chicago', capacity: 100, venue: null, agency: null },
      // For Riverside's officers only: listed, but only its members take a seat.
      { w: 1, date: day(28, now), from: '09:00', to: '13:00', zone: 'America/Chicago', capacity: 16, venue: ['Riverside Police Department, Room 2', '1 Justice Plaza, Riverside'], agency: null, forAgency: riverside!.id },
    ];
    const inserted = await tx
      .insert(trainingSessions)
      .values(
        sessionRows.map((s) => ({
          workshopId: created[s.w]!.id,
          startsAt: at(s.date, s.from, s.zone),
          endsAt: at(s.date, s.to, s.zone),
          timeZone: s.zone,
          capacity: s.capacity,
          venueName: s.venue?.[0] ?? '',
          venueAddress: s.venue?.[1] ?? '',
          venueDirections: s.venue ? 'Free parking behind the building.' : '',
          venueAccessibility: s.venue ? 'Step-free entrance; hearing loop in the main room.' : '',
          onlineUrl: s.venue ? null : 'https://meet.example.org/muster-bullying',
          partnerAgencyId: s.agency,
          ...('forAgency' in s && { visibility: 'agencies' as const, requireEmailConfirmation: true }),
          // The joint session keeps 8 seats for the partner's officers until a week before it.
          ...(s.agency && { allotmentsReleaseAt: new Date(at(s.date, s.from, s.zone).getTime() - 7 * 86_400_000) }),
          registrationOpensAt: now,
          registrationClosesAt: at(s.date, s.from, s.zone),
        })),
      )
      .returning({ id: trainingSessions.id });
    await tx.insert(sessionAgencies).values(
      sessionRows.flatMap((s, i) => ('forAgency' in s && s.forAgency ? [{ sessionId: inserted[i]!.id, agencyId: s.forAgency }] : [])),
    );
    await tx.insert(sessionAllotments).values(
      sessionRows.flatMap((s, i) => (s.agency ? [{ sessionId: inserted[i]!.id, agencyId: s.agency, seats: 8 }] : [])),
    );
    if (trainer) {
      await tx.insert(sessionFacilitators).values(
        inserted.map((s) => ({ sessionId: s.id, userId: trainer.id, name: trainer.name ?? trainer.email, email: trainer.email })),
      );
    }
    // Riverside's training officer co-runs the joint session: signed in with this address, she
    // opens its roster and check-in.
    const joint = sessionRows.findIndex((s) => s.agency);
    await tx.insert(sessionFacilitators).values({ sessionId: inserted[joint]!.id, name: 'Sgt. Dana Whitfield', email: DEMO_CO_FACILITATOR_EMAIL, position: 1 });
  });
}
