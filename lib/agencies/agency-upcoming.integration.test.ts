import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { trainingSessions, users } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { registerForSession } from '@/lib/registrations/register';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { listAgencyUpcomingSessions } from './agency-sessions';
import { createAgency } from './agencies';

const DAY = 86_400_000;

describe.each(testDrivers)('the upcoming sessions a coordinator sees, paged, on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let coordinator: TActor;
  const sessionIds: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    const trainer = await ensureTrainer(db, 'trainer@example.org');
    const agency = await createAgency(db, trainer, { name: 'Springfield PD', kind: 'police_department', emailDomains: ['springfieldpd.gov'] });
    const [user] = await db.insert(users).values({ email: 'chief@springfieldpd.gov', role: 'coordinator', coordinatorAgencyId: agency.id }).returning({ id: users.id });
    coordinator = { id: user!.id, role: 'coordinator' };
    const workshopId = await createPublishedWorkshop(db, 'paged-upcoming', 'Paged upcoming');
    for (let i = 1; i <= 5; i++) sessionIds.push(await createOpenSession(db, workshopId, { startsAt: new Date(Date.now() + (10 + i) * DAY) }));
    // Not open to the agency: for other agencies only.
    await createOpenSession(db, workshopId, { startsAt: new Date(Date.now() + 12.5 * DAY), visibility: 'agencies' });
    await registerForSession(db, null, sessionIds[3]!, { name: 'Ana Officer', email: 'ana@springfieldpd.gov' });
    await registerForSession(db, null, sessionIds[3]!, { name: 'Someone Else', email: 'someone@example.org' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('shows a page of the sessions open to the agency, soonest first, counting only its own officers', async () => {
    const first = await listAgencyUpcomingSessions(db, coordinator, { size: 2 });
    expect(first.sessions).toMatchObject({ page: 1, pages: 3, first: 1, last: 2, total: 5 });
    expect(first.more).toBe(false);
    expect(first.sessions.items.map((s) => s.sessionId)).toEqual(sessionIds.slice(0, 2));
    const second = await listAgencyUpcomingSessions(db, coordinator, { size: 2, page: '2' });
    expect(second.sessions.items.map((s) => [s.sessionId, s.booked])).toEqual([
      [sessionIds[2], 0],
      [sessionIds[3], 1],
    ]);
    const pastTheEnd = await listAgencyUpcomingSessions(db, coordinator, { size: 2, page: '9' });
    expect(pastTheEnd.sessions).toMatchObject({ page: 3, first: 5, last: 5, total: 5 });
    expect(pastTheEnd.sessions.items.map((s) => s.sessionId)).toEqual([sessionIds[4]]);
  });

  it('shows nothing of a session once it has started', async () => {
    const later = new Date(Date.now() + 11.5 * DAY);
    const { sessions } = await listAgencyUpcomingSessions(db, coordinator, { now: later });
    expect(sessions.total).toBe(4);
    expect(sessions.items.map((s) => s.sessionId)).not.toContain(sessionIds[0]);
  });

  it('reaches the next 200 sessions, and says when there are more', async () => {
    const [{ workshopId } = { workshopId: '' }] = await db.select({ workshopId: trainingSessions.workshopId }).from(trainingSessions).limit(1);
    const starts = (i: number) => new Date(Date.now() + (100 + i) * DAY);
    const base = { workshopId, timeZone: 'America/Chicago', venueName: 'Room', capacity: 10, registrationOpensAt: new Date(Date.now() - DAY) };
    const rows = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ ...base, startsAt: starts(from + i), endsAt: new Date(starts(from + i).getTime() + 3_600_000), registrationClosesAt: starts(from + i) }));
    await db.insert(trainingSessions).values(rows(0, 195));
    const exactly = await listAgencyUpcomingSessions(db, coordinator);
    expect([exactly.sessions.total, exactly.more]).toEqual([200, false]);
    await db.insert(trainingSessions).values(rows(195, 1));
    const beyond = await listAgencyUpcomingSessions(db, coordinator, { page: '9', size: 25 });
    expect([beyond.sessions.total, beyond.more, beyond.sessions.page, beyond.sessions.items.length]).toEqual([200, true, 8, 25]);
  });
});
