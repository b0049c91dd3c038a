import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingSessions } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import { createAgency } from '@/lib/agencies/agencies';
import type { TActor } from '@/lib/auth/actor';
import { createSession } from '@/lib/sessions/sessions';
import { changeWorkshopStatus, createWorkshop } from '@/lib/workshops/workshops';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { getCataloguePage, getPublicSession, listCatalogueSessions, listCatalogueTopics, WORKSHOPS_PER_PAGE } from './catalogue';

const DAY = 86_400_000;
const inDays = (n: number, hour = 15) => new Date(Math.floor(Date.now() / DAY) * DAY + n * DAY + hour * 3_600_000);

describe.each(testDrivers)('the public catalogue on %s', (driver) => {
  let database: TestDatabase;
  let trainer: TActor;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    const agency = await createAgency(db, trainer, { name: 'Riverside Police Department', kind: 'police_department' });
    const published = await createWorkshop(db, trainer, { title: 'Interviewing children', summary: 'Trauma-informed practice', topics: ['child protection'] });
    await changeWorkshopStatus(db, trainer, published.id, 'publish');
    const draft = await createWorkshop(db, trainer, { title: 'Draft workshop', summary: 'Not yet' });
    const archived = await createWorkshop(db, trainer, { title: 'Old workshop', summary: 'Retired' });
    await changeWorkshopStatus(db, trainer, archived.id, 'publish');
    await changeWorkshopStatus(db, trainer, archived.id, 'archive');

    const base = { timeZone: 'America/Chicago', capacity: 10, venue: { name: 'Training room', address: '1 Main St' } };
    const make = async (name: string, workshopId: string, extra: Record<string, unknown> = {}) => {
      const s = await createSession(db, trainer, workshopId, { ...base, startsAt: inDays(5).toISOString(), endsAt: inDays(5, 18).toISOString(), ...extra });
      ids[name] = s.id;
    };
    await make('upcoming', published.id);
    await make('joint', published.id, { partnerAgencyId: agency.id, startsAt: inDays(9).toISOString(), endsAt: inDays(9, 18).toISOString() });
    await make('online', published.id, { venue: null, onlineUrl: 'https://meet.example.org/x', startsAt: inDays(12).toISOString(), endsAt: inDays(12, 18).toISOString() });
    await make('unlisted', published.id, { visibility: 'unlisted' });
    await make('past', published.id, { startsAt: inDays(-3).toISOString(), endsAt: inDays(-3, 18).toISOString() });
    await make('cancelled', published.id);
    await db.update(trainingSessions).set({ status: 'cancelled' }).where(eq(trainingSessions.id, ids.cancelled!));
    await make('full', published.id, { capacity: 1, startsAt: inDays(20).toISOString(), endsAt: inDays(20, 18).toISOString() });
    await db.update(trainingSessions).set({ confirmedCount: 1 }).where(eq(trainingSessions.id, ids.full!));
    await make('draft', draft.id);
    await make('archived', archived.id);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lists only published, upcoming, public, scheduled sessions', async () => {
    const { items } = await listCatalogueSessions(database.db, {}, { limit: 100 });
    expect(items.map((s) => s.id).sort()).toEqual([ids.upcoming, ids.joint, ids.online, ids.full].sort());
    const page = await getCataloguePage(database.db, {}, 1);
    expect(page.groups.map((g) => g.workshop.title)).toEqual(['Interviewing children']);
  });

  it('never exposes the meeting link publicly', async () => {
    const { items } = await listCatalogueSessions(database.db, { mode: 'online' }, { limit: 100 });
    expect(items.map((s) => s.id)).toEqual([ids.online]);
    expect(JSON.stringify(items)).not.toContain('meet.example.org');
  });

  it('filters by joint, seats, topic, text and the local date', async () => {
    const list = async (filters: Parameters<typeof listCatalogueSessions>[1]) =>
      (await listCatalogueSessions(database.db, filters, { limit: 100 })).items.map((s) => s.id).sort();
    expect(await list({ joint: true })).toEqual([ids.joint]);
    expect(await list({ hasSeats: true })).not.toContain(ids.full);
    expect(await list({ topic: 'child protection' })).toHaveLength(4);
    expect(await list({ topic: 'bullying prevention' })).toEqual([]);
    expect(await list({ q: 'children' })).toHaveLength(4);
    expect(await list({ q: '%' })).toEqual([]);
    const local = inDays(9).toISOString().slice(0, 10);
    expect(await list({ from: local, to: local })).toEqual([ids.joint]);
  });

  it('pages through sessions with a cursor without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const { decodeCursor } = await import('./catalogue');
      const result = await listCatalogueSessions(database.db, {}, { limit: 1, cursor: decodeCursor(cursor) });
      seen.push(...result.items.map((s) => s.id));
      cursor = result.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('opens an unlisted session by its link but not a draft workshop’s', async () => {
    expect((await getPublicSession(database.db, ids.unlisted!))?.visibility).toBe('unlisted');
    expect(await getPublicSession(database.db, ids.draft!)).toBeNull();
    expect(await getPublicSession(database.db, 'not-a-uuid')).toBeNull();
  });

  it('counts the workshops with a matching session and pages them by their next session; a page past the end is empty but counted', async () => {
    const db = database.db;
    for (let i = 1; i <= WORKSHOPS_PER_PAGE + 1; i++) {
      const workshop = await createWorkshop(db, trainer, { title: `Paging workshop ${i}`, summary: 'For the pager', topics: ['paging', 'child protection'] });
      await changeWorkshopStatus(db, trainer, workshop.id, 'publish');
      const base = { timeZone: 'America/Chicago', capacity: 10, venue: { name: 'Training room', address: '1 Main St' } };
      await createSession(db, trainer, workshop.id, { ...base, startsAt: inDays(30 + i).toISOString(), endsAt: inDays(30 + i, 18).toISOString() });
    }
    const first = await getCataloguePage(db, { q: 'paging' }, 1);
    expect(first).toMatchObject({ page: 1, pageCount: 2, workshopCount: WORKSHOPS_PER_PAGE + 1 });
    expect(first.groups.map((group) => group.workshop.title)).toEqual(Array.from({ length: WORKSHOPS_PER_PAGE }, (_, i) => `Paging workshop ${i + 1}`));
    const second = await getCataloguePage(db, { q: 'paging' }, 2);
    expect(second.groups.map((group) => group.workshop.title)).toEqual([`Paging workshop ${WORKSHOPS_PER_PAGE + 1}`]);
    expect(await getCataloguePage(db, { q: 'paging' }, 3)).toEqual({ groups: [], page: 3, pageCount: 2, workshopCount: WORKSHOPS_PER_PAGE + 1 });
    expect(await getCataloguePage(db, { q: 'nothing like this' }, 1)).toEqual({ groups: [], page: 1, pageCount: 1, workshopCount: 0 });
    expect(await listCatalogueTopics(db)).toEqual(['child protection', 'paging']);
  });
});
