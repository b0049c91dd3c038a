import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { agencies, registrations, trainingSessions } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import { listAgencySuggestions } from '@/lib/agencies/agencies';
import type { TActor } from '@/lib/auth/actor';
import { pageOf } from '@/lib/lists/page-of';
import { groupRoster } from '@/lib/roster/roster';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOfficer, createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { cancelRegistration } from './cancel';
import { listRegistrationsForTrainer } from './queries';
import { registerForSession } from './register';
import { getRosterPages, rosterNames, type TRosterPages } from './roster-pages';

const HOUR = 3_600_000;

describe.each(testDrivers)('the roster, paged in the database, on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let officer: TActor;
  let sessionId: string;
  let names: Map<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    officer = await createOfficer(db);
    const workshopId = await createPublishedWorkshop(db, 'paged-roster', 'Paged roster');
    sessionId = await createOpenSession(db, workshopId, { capacity: 3 });
    // 3 confirmed and 8 in line; one confirmed and one in line cancel (the first in line moves up);
    // the second in line then waits for approval, keeping their place in the count.
    const people = [];
    for (let i = 1; i <= 11; i++) people.push(await registerForSession(db, null, sessionId, { name: `Person ${i}`, email: `person-${i}@example.org` }));
    names = new Map(people.map((person, index) => [person.id, `Person ${index + 1}`]));
    await cancelRegistration(db, people[1]!.id, { actor: trainer });
    await cancelRegistration(db, people[6]!.id, { actor: trainer });
    await db
      .update(registrations)
      .set({ approvalExpiresAt: new Date(Date.now() + 48 * HOUR) })
      .where(eq(registrations.id, people[4]!.id));
  });
  afterAll(async () => {
    await database?.close();
  });

  /** The same pages cut from the whole roster, as the page did before it paged in the database. */
  async function pagedInMemory(requested: Partial<Record<string, string>>, size: number): Promise<TRosterPages> {
    const roster = groupRoster(await listRegistrationsForTrainer(db, trainer, sessionId));
    return {
      confirmed: pageOf(roster.confirmed, requested.confirmed, size),
      pending: pageOf(roster.pendingApproval, requested.pending, size),
      waitlist: pageOf(roster.waitlist, requested.waitlist, size),
      cancelled: pageOf(roster.cancelled, requested.cancelled, size),
    };
  }

  it('gives each section’s page, count and waitlist places exactly as the whole roster cut into pages', async () => {
    const asked: Partial<Record<string, string>>[] = [{}, { confirmed: '2', waitlist: '2' }, { waitlist: '3', cancelled: '1' }, { confirmed: '9', waitlist: 'x', pending: '-1' }];
    for (const requested of asked) {
      expect(await getRosterPages(db, trainer, sessionId, requested, 2)).toEqual(await pagedInMemory(requested, 2));
    }
  });

  it('numbers the waitlist among everyone in line, and shows the person awaiting approval apart', async () => {
    const pages = await getRosterPages(db, trainer, sessionId, {}, 100);
    expect(pages.confirmed.items.map((person) => person.name)).toEqual(['Person 1', 'Person 3', 'Person 4']);
    expect(pages.pending.items.map((person) => [person.name, person.waitlistPosition])).toEqual([['Person 5', null]]);
    expect(pages.waitlist.items.map((person) => [person.name, person.waitlistPosition])).toEqual([
      ['Person 6', 2],
      ['Person 8', 3],
      ['Person 9', 4],
      ['Person 10', 5],
      ['Person 11', 6],
    ]);
    // In the order they cancelled, whether they held a seat or a place in line.
    expect(pages.cancelled.items.map((person) => person.name)).toEqual(['Person 2', 'Person 7']);
    expect(pages.waitlist).toMatchObject({ page: 1, pages: 1, first: 1, last: 5, total: 5 });
  });

  it('shows a page past the end as the last page, and an empty section as empty', async () => {
    const pages = await getRosterPages(db, trainer, sessionId, { waitlist: '40' }, 2);
    expect(pages.waitlist).toMatchObject({ page: 3, pages: 3, first: 5, last: 5, total: 5 });
    expect(pages.waitlist.items.map((person) => person.name)).toEqual(['Person 11']);
    const empty = await getRosterPages(db, trainer, await createOpenSession(db, (await createPublishedWorkshop(db, 'empty-roster')) as string), {});
    expect(empty.confirmed).toEqual({ items: [], page: 1, pages: 1, first: 0, last: 0, total: 0 });
  });

  it('names people of this session only, for the notice after an action', async () => {
    const [someone] = await db.select({ id: registrations.id }).from(registrations).where(eq(registrations.sessionId, sessionId)).limit(1);
    const other = await createOpenSession(db, (await createPublishedWorkshop(db, 'other-roster')) as string);
    expect([...(await rosterNames(db, sessionId, [someone!.id, 'not-an-id'])).values()]).toEqual([names.get(someone!.id)]);
    expect((await rosterNames(db, other, [someone!.id])).size).toBe(0);
  });

  it('offers the partner agency first, then the agencies its people named most, then the rest by name', async () => {
    const kind = 'police_department' as const;
    const [alpha, metro, zulu] = await db
      .insert(agencies)
      .values([{ name: 'Alpha County Sheriff', kind }, { name: 'Metro Police', kind }, { name: 'Zulu Police', kind }])
      .returning({ id: agencies.id });
    await db.update(trainingSessions).set({ partnerAgencyId: zulu!.id }).where(eq(trainingSessions.id, sessionId));
    await db.update(registrations).set({ agency: 'metro police' }).where(eq(registrations.sessionId, sessionId));
    const offered = await listAgencySuggestions(db, trainer, sessionId, 2);
    expect(offered).toEqual([
      { id: zulu!.id, name: 'Zulu Police' },
      { id: metro!.id, name: 'Metro Police' },
    ]);
    expect((await listAgencySuggestions(db, trainer, sessionId))[2]).toEqual({ id: alpha!.id, name: 'Alpha County Sheriff' });
  });

  it('refuses officers and strangers', async () => {
    expect((await refusal(getRosterPages(db, officer, sessionId))).status).toBe(403);
    expect((await refusal(getRosterPages(db, null, sessionId))).status).toBe(401);
    expect((await refusal(getRosterPages(db, trainer, '00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await refusal(listAgencySuggestions(db, officer, sessionId))).status).toBe(403);
  });
});
