import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { mailOutbox, trainingSessions, users, workshops } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';

const DAY = 24 * 60 * 60 * 1000;

/** An officer's account (the role every new user gets), for tests of what only trainers may do. */
export async function createOfficer(db: Db, email = 'officer@example.org'): Promise<TActor> {
  const [user] = await db.insert(users).values({ email }).returning({ id: users.id, role: users.role });
  return { id: user!.id, role: user!.role };
}

/** A published workshop, for tests that register people. */
export async function createPublishedWorkshop(db: Db, slug: string, title = 'Trauma-informed interviewing'): Promise<string> {
  const [w] = await db.insert(workshops).values({ slug, title, status: 'published', whatToBring: 'Your notebook' }).returning({ id: workshops.id });
  return w!.id;
}

/** A scheduled session 30 days ahead, open for registration now, unless told otherwise. */
export async function createOpenSession(
  db: Db,
  workshopId: string,
  values: Partial<typeof trainingSessions.$inferInsert> = {},
): Promise<string> {
  const startsAt = values.startsAt ?? new Date(Date.now() + 30 * DAY);
  const [row] = await db
    .insert(trainingSessions)
    .values({
      workshopId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 60 * 60 * 1000),
      timeZone: 'America/Chicago',
      venueName: 'Training Room 2',
      venueAddress: '100 Main Street',
      capacity: 20,
      registrationOpensAt: new Date(Date.now() - DAY),
      registrationClosesAt: startsAt,
      ...values,
    })
    .returning({ id: trainingSessions.id });
  return row!.id;
}

/** Queued mail about a session, optionally of some templates only. */
export async function outboxFor(db: Db, sessionId: string, templates?: string[]) {
  return db
    .select()
    .from(mailOutbox)
    .where(templates ? and(eq(mailOutbox.sessionId, sessionId), inArray(mailOutbox.template, templates)) : eq(mailOutbox.sessionId, sessionId));
}
