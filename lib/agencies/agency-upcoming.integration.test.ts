import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { users } from '@/db/schema';
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
});
