import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingSessions } from '@/db/schema';
import { createAgency } from '@/lib/agencies/agencies';
import { updateSession } from '@/lib/sessions/sessions';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { apiClient } from './_test/client';
import { DAY, HOUR, people, session, workshop } from './_test/fixtures';

describe.each(testDrivers)('public API on %s', (driver) => {
  let database: TestDatabase;
  let api: ReturnType<typeof apiClient>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const db = database.db;
    api = apiClient(db);
    const { trainer, token } = await people(db);
    const now = Date.now();
    const interviewing = await workshop(db, trainer, {
      title: 'Trauma-informed interviewing',
      topics: ['trauma-informed care'],
      summary: 'Talking with victims without harming them again (100% practical).',
    });
    const abuse = await workshop(db, trainer, { title: 'Recognising signs of abuse', topics: ['child protection'] });
    const draft = await workshop(db, trainer, { title: 'Draft workshop', status: 'draft', topics: ['trauma-informed care'] });
    const agency = await createAgency(db, trainer, { name: 'Riverside Police Department', kind: 'police_department' });
    ids.interviewing = interviewing.id;
    ids.draftWorkshop = draft.id;

    ids.inPerson = (await session(db, trainer, interviewing.id, now + 1 * DAY)).id;
    ids.online = (await session(db, trainer, interviewing.id, now + 2 * DAY, { venue: null, onlineUrl: 'https://meet.example.org/abc' })).id;
    ids.joint = (await session(db, trainer, interviewing.id, now + 3 * DAY, { partnerAgencyId: agency.id })).id;
    ids.full = (await session(db, trainer, interviewing.id, now + 4 * DAY, { capacity: 2 })).id;
    await database.db.update(trainingSessions).set({ confirmedCount: 2 }).where(eq(trainingSessions.id, ids.full));
    ids.unlisted = (await session(db, trainer, interviewing.id, now + 5 * DAY, { visibility: 'unlisted' })).id;
    ids.cancelled = (await session(db, trainer, interviewing.id, now + 6 * DAY)).id;
    await updateSession(db, trainer, ids.cancelled, { status: 'cancelled' });
    ids.past = (await session(db, trainer, interviewing.id, now - 2 * DAY)).id;
    ids.abuse = (await session(db, trainer, abuse.id, now + 7 * DAY)).id;
    ids.draft = (await session(db, trainer, draft.id, now + 1 * DAY)).id;
    const archived = await workshop(db, trainer, { title: 'Old workshop', topics: ['child protection'] });
    ids.archived = (await session(db, trainer, archived.id, now + 1 * DAY)).id;
    expect((await api.post(`/api/v1/workshops/${archived.id}/archive`, undefined, { token })).status).toBe(200);
    // Local dates: 03:00 UTC on 10 June 2031 is still 9 June in Chicago.
    ids.lateEvening = (await session(db, trainer, abuse.id, Date.UTC(2031, 5, 10, 3))).id;
    ids.june10 = (await session(db, trainer, abuse.id, Date.UTC(2031, 5, 10, 15))).id;
    // Same start for several sessions: the cursor must break the tie by id.
    for (let i = 0; i < 5; i += 1) ids[`tie${i}`] = (await session(db, trainer, abuse.id, Date.UTC(2031, 0, 1, 15))).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const listedIds = async (query = '') => {
    const answer = await api.get(`/api/v1/sessions${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return (answer.body.items as { id: string }[]).map((s) => s.id);
  };
  const upcomingPublic = () => [
    ids.inPerson, ids.online, ids.joint, ids.full, ids.abuse, ids.tie0, ids.tie1, ids.tie2, ids.tie3, ids.tie4, ids.lateEvening, ids.june10,
  ];

  it('lists only upcoming, scheduled, public sessions of published workshops, in start order', async () => {
    const answer = await api.get('/api/v1/sessions');
    expect(answer.status).toBe(200);
    expect(answer.body.nextCursor).toBeNull();
    const items = answer.body.items as { id: string; startsAt: string }[];
    expect(new Set(items.map((s) => s.id))).toEqual(new Set(upcomingPublic()));
    const starts = items.map((s) => s.startsAt);
    expect(starts).toEqual([...starts].sort());
  });

  it('shows the public view: UTC instants, seats, no meeting link, no people', async () => {
    const items = (await api.get('/api/v1/sessions')).body.items as Record<string, unknown>[];
    const online = items.find((s) => s.id === ids.online)!;
    expect(online).toMatchObject({ online: true, venue: null, timeZone: 'America/Chicago', capacity: 20, seatsLeft: 20, waitlistCount: 0 });
    expect(online.startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(online.workshop).toEqual({ id: ids.interviewing, slug: 'trauma-informed-interviewing', title: 'Trauma-informed interviewing' });
    for (const item of items) {
      expect(item).not.toHaveProperty('onlineUrl');
      expect(item).not.toHaveProperty('facilitators');
      expect(item).not.toHaveProperty('confirmedCount');
    }
    expect(items.find((s) => s.id === ids.joint)).toMatchObject({ joint: true, partnerAgency: { name: 'Riverside Police Department' } });
  });

  it('filters by topic, mode, joint, seats and words', async () => {
    expect(new Set(await listedIds('?topic=child%20protection'))).toEqual(
      new Set([ids.abuse, ids.tie0, ids.tie1, ids.tie2, ids.tie3, ids.tie4, ids.lateEvening, ids.june10]),
    );
    expect(await listedIds('?mode=online')).toEqual([ids.online]);
    expect(await listedIds('?mode=in_person')).not.toContain(ids.online);
    expect(await listedIds('?joint=1')).toEqual([ids.joint]);
    expect(await listedIds('?joint=true&mode=in_person')).toEqual([ids.joint]);
    expect(await listedIds('?hasSeats=1')).not.toContain(ids.full);
    expect(await listedIds('?hasSeats=0')).toContain(ids.full);
    expect(new Set(await listedIds('?q=VICTIMS'))).toEqual(new Set([ids.inPerson, ids.online, ids.joint, ids.full]));
    expect(await listedIds('?q=100%25')).toHaveLength(4);
    expect(await listedIds('?q=%25_')).toEqual([]);
  });

  it('filters by the session’s own local dates', async () => {
    expect(await listedIds('?from=2031-06-10&to=2031-06-10')).toEqual([ids.june10]);
    expect(await listedIds('?from=2031-06-09&to=2031-06-09')).toEqual([ids.lateEvening]);
    expect(new Set(await listedIds('?from=2031-01-01'))).toEqual(new Set([ids.tie0, ids.tie1, ids.tie2, ids.tie3, ids.tie4, ids.lateEvening, ids.june10]));
    expect(await listedIds('?to=2030-12-31')).not.toContain(ids.tie0);
  });

  it('pages with a cursor without missing or repeating a session, ties included', async () => {
    const all = await listedIds('?limit=100');
    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await api.get(`/api/v1/sessions?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(answer.status).toBe(200);
      expect(answer.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...(answer.body.items as { id: string }[]).map((s) => s.id));
      cursor = answer.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(paged).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it('keeps filters across pages', async () => {
    const first = await api.get('/api/v1/sessions?topic=child%20protection&limit=3');
    const second = await api.get(`/api/v1/sessions?topic=child%20protection&limit=3&cursor=${first.body.nextCursor}`);
    const both = [...first.body.items, ...second.body.items].map((s: { id: string }) => s.id);
    expect(new Set(both).size).toBe(6);
    expect(both).not.toContain(ids.inPerson);
  });

  it('refuses bad filters, limits and cursors with 422 and the field', async () => {
    const cases: [string, string][] = [
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=ten', 'limit'],
      ['?limit=2.5', 'limit'],
      ['?mode=bus', 'mode'],
      ['?from=2031-13-01', 'from'],
      ['?to=tomorrow', 'to'],
      ['?joint=maybe', 'joint'],
      ['?hasSeats=yes', 'hasSeats'],
      ['?cursor=not-a-cursor', 'cursor'],
      [`?cursor=${Buffer.from('{"startsAt":"x","id":"y"}').toString('base64url')}`, 'cursor'],
      ...['"2031"', '123', '"2031-02-30T00:00:00Z"', '"+275760-09-13T00:00:00.000Z"', 'null'].map((startsAt): [string, string] => [
        `?cursor=${Buffer.from(`{"startsAt":${startsAt},"id":"00000000-0000-4000-8000-000000000000"}`).toString('base64url')}`,
        'cursor',
      ]),
      [`?cursor=${Buffer.from('null').toString('base64url')}`, 'cursor'],
      [`?q=${'x'.repeat(201)}`, 'q'],
      ['?q=a%00b', 'q'],
      ['?topic=a%00b', 'topic'],
    ];
    for (const [query, field] of cases) {
      const answer = await api.get(`/api/v1/sessions${query}`);
      expect(answer.status, query).toBe(422);
      expect(answer.body.error.code).toBe('validation_failed');
      expect(Object.keys(answer.body.error.fields), query).toEqual([field]);
    }
  });

  it('ignores query keys it does not know, and empty filters', async () => {
    expect(new Set(await listedIds('?page=3&sort=title&q=&topic=&mode='))).toEqual(new Set(upcomingPublic()));
  });

  it('shows one session by id: unlisted, past and cancelled too, never drafts or archived', async () => {
    for (const key of ['inPerson', 'unlisted', 'past', 'cancelled']) {
      const answer = await api.get(`/api/v1/sessions/${ids[key]}`);
      expect(answer.status, key).toBe(200);
      expect(answer.body.id).toBe(ids[key]);
      expect(answer.body).not.toHaveProperty('onlineUrl');
    }
    expect((await api.get(`/api/v1/sessions/${ids.cancelled}`)).body.status).toBe('cancelled');
    expect((await api.get(`/api/v1/sessions/${ids.unlisted}`)).body.visibility).toBe('unlisted');
    for (const id of [ids.draft, ids.archived, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1'; drop table users; --"]) {
      const answer = await api.get(`/api/v1/sessions/${encodeURIComponent(id!)}`);
      expect(answer.status, id).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
  });

  it('lists published workshops only, and shows a draft to nobody without a trainer token', async () => {
    const answer = await api.get('/api/v1/workshops');
    expect(answer.status).toBe(200);
    const titles = (answer.body.items as { title: string; status: string }[]).map((w) => w.title);
    expect(titles).toEqual(['Recognising signs of abuse', 'Trauma-informed interviewing']);
    expect((await api.get(`/api/v1/workshops/${ids.interviewing}`)).body).toMatchObject({ id: ids.interviewing, status: 'published' });
    expect((await api.get(`/api/v1/workshops/${ids.draftWorkshop}`)).status).toBe(404);
    expect((await api.get('/api/v1/workshops/not-a-uuid')).status).toBe(404);
  });

  it('answers in the future only: a session that has started leaves the list', async () => {
    await database.db.update(trainingSessions).set({ startsAt: new Date(Date.now() - HOUR) }).where(eq(trainingSessions.id, ids.inPerson!));
    expect(await listedIds()).not.toContain(ids.inPerson);
  });
});
