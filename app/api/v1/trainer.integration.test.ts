import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingSessions } from '@/db/schema';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { apiRoutes, type TOperationId } from './_lib/routes';
import { apiClient } from './_test/client';
import { DAY, HOUR, iso, people, session, workshop } from './_test/fixtures';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const start = Date.UTC(2031, 2, 3, 15);
const sessionBody = (extra: Record<string, unknown> = {}) => ({
  startsAt: iso(start),
  endsAt: iso(start + 3 * HOUR),
  timeZone: 'America/Chicago',
  capacity: 12,
  venue: { name: 'Riverside station, room 2', address: '5 River Rd' },
  ...extra,
});

/** A body each write would accept, so that only the token or the id decides the answer. */
const validBodies: Partial<Record<TOperationId, unknown>> = {
  createWorkshop: { title: 'Any workshop' },
  updateWorkshop: { title: 'Any new title' },
  createWorkshopSession: sessionBody(),
  updateSession: { capacity: 30 },
  createAgency: { name: 'Any agency', kind: 'other' },
  updateAgency: { name: 'Any other name' },
};

describe.each(testDrivers)('trainer API on %s', (driver) => {
  let database: TestDatabase;
  let api: ReturnType<typeof apiClient>;
  let tokens: Awaited<ReturnType<typeof people>>;
  let as: { token: string };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    api = apiClient(database.db);
    tokens = await people(database.db);
    as = { token: tokens.token };
  });
  afterAll(async () => {
    await database?.close();
  });

  const trainerRoutes = apiRoutes.filter((r) => r.auth === 'bearer');
  const pathOf = (path: string, id = UNKNOWN) => path.replace('{id}', encodeURIComponent(id));

  it('refuses every trainer route without a token, or with a wrong or revoked one (401)', async () => {
    for (const route of trainerRoutes) {
      for (const token of [undefined, 'mst_not-a-real-token', 'not-even-our-format', tokens.revokedToken]) {
        const answer = await api.call(route.method, pathOf(route.path), { token, body: validBodies[route.operationId] });
        expect(answer.status, `${route.method} ${route.path} with ${token}`).toBe(401);
        expect(answer.body.error.code).toBe('unauthorized');
        expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      }
    }
  });

  it('refuses every trainer route to an officer’s token (403), before reading the body', async () => {
    for (const route of trainerRoutes) {
      const rawBody = route.method === 'get' ? undefined : '{"broken';
      const answer = await api.call(route.method, pathOf(route.path), { token: tokens.officerToken, rawBody });
      expect(answer.status, `${route.method} ${route.path}`).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
  });

  it('answers 404 for unknown ids and ids that are not UUIDs', async () => {
    // Coordinators' routes answer a trainer 403 whatever the id (nominations.integration.test.ts checks their 404s).
    for (const route of [...trainerRoutes, ...apiRoutes.filter((r) => r.auth !== 'bearer' && r.auth !== 'coordinator')].filter((r) => r.path.includes('{id}'))) {
      for (const id of [UNKNOWN, 'not-a-uuid', '../agencies']) {
        const answer = await api.call(route.method, pathOf(route.path, id), { ...as, body: validBodies[route.operationId] });
        expect(answer.status, `${route.method} ${route.path} with ${id}`).toBe(404);
        expect(answer.body.error.code).toBe('not_found');
      }
    }
  });

  it('creates a draft workshop: 201 with id, slug and where it lives, unknown fields ignored', async () => {
    const answer = await api.post(
      '/api/v1/workshops',
      { title: 'Talking with children', topics: ['Child Protection'], status: 'published', ownerId: 'someone-else', id: UNKNOWN, creditHours: 3.5 },
      as,
    );
    expect(answer.status).toBe(201);
    expect(answer.body.id).toMatch(UUID);
    expect(answer.body.id).not.toBe(UNKNOWN);
    expect(answer.body).toMatchObject({ slug: 'talking-with-children', status: 'draft', topics: ['child protection'], creditHours: 3.5 });
    expect(answer.headers.get('location')).toBe(`/api/v1/workshops/${answer.body.id}`);
    expect((await api.get(answer.headers.get('location')!, as)).body).toEqual(answer.body);
  });

  it('refuses workshop input with a field error', async () => {
    await workshop(database.db, tokens.trainer, { title: 'Taken slug', slug: 'taken-slug' });
    const cases: [unknown, string][] = [
      [{ title: 'Another', slug: 'taken-slug' }, 'slug'],
      [{ title: 'Another', slug: 'Not a slug!' }, 'slug'],
      [{ title: 'ab' }, 'title'],
      [{}, 'title'],
      [{ title: 'Credit', creditHours: 1.234 }, 'creditHours'],
      [{ title: 'Duration', durationMinutes: '90' }, 'durationMinutes'],
      [{ title: 'Topics', topics: [''] }, 'topics.0'],
      [{ title: 'Nul\u0000character' }, 'title'],
      [[], '_'],
      ['a string', '_'],
      [null, '_'],
    ];
    for (const [body, field] of cases) {
      const answer = await api.post('/api/v1/workshops', body, as);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(answer.body.error.fields), JSON.stringify(body)).toEqual([field]);
    }
    const taken = await api.post('/api/v1/workshops', { title: 'Another', slug: 'taken-slug' }, as);
    expect(taken.body.error.code).toBe('slug_taken');
  });

  it('answers malformed JSON with 422, never 500', async () => {
    for (const [method, path] of [
      ['post', '/api/v1/workshops'],
      ['post', '/api/v1/agencies'],
      ['patch', `/api/v1/workshops/${(await workshop(database.db, tokens.trainer, { title: 'Malformed' })).id}`],
    ] as const) {
      for (const rawBody of ['{"title": "x"', '', 'title=x']) {
        const answer = await api.call(method, path, { ...as, rawBody });
        expect(answer.status, `${path} ${rawBody}`).toBe(422);
        expect(answer.body.error).toMatchObject({ code: 'validation_failed', fields: { _: 'The request body must be JSON.' } });
      }
    }
  });

  it('changes a workshop and moves it through publish, unpublish and archive', async () => {
    const { id } = (await api.post('/api/v1/workshops', { title: 'Lifecycle' }, as)).body;
    const other = await workshop(database.db, tokens.trainer, { title: 'Lifecycle other', slug: 'lifecycle-other' });
    expect((await api.post(`/api/v1/workshops/${id}/publish`, undefined, as)).body.error.fields).toEqual({
      summary: expect.any(String),
    });
    expect((await api.patch(`/api/v1/workshops/${id}`, { slug: other.slug }, as)).body.error.fields).toEqual({ slug: expect.any(String) });
    expect((await api.patch(`/api/v1/workshops/${id}`, { slug: 'lifecycle' }, as)).status).toBe(200);
    const patched = await api.patch(`/api/v1/workshops/${id}`, { summary: 'Now with a summary.', title: undefined }, as);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Lifecycle', summary: 'Now with a summary.' });
    expect((await api.get(`/api/v1/workshops/${id}`)).status).toBe(404);
    const published = await api.post(`/api/v1/workshops/${id}/publish`, undefined, as);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect((await api.get(`/api/v1/workshops/${id}`)).status).toBe(200);
    expect((await api.post(`/api/v1/workshops/${id}/unpublish`, undefined, as)).body.status).toBe('draft');
    expect((await api.get(`/api/v1/workshops/${id}`)).status).toBe(404);
    expect((await api.get(`/api/v1/workshops/${id}`, { token: tokens.officerToken })).status).toBe(404);
    expect((await api.get(`/api/v1/workshops/${id}`, { token: 'mst_wrong' })).status).toBe(401);
    expect((await api.get(`/api/v1/workshops/${id}`, as)).body.status).toBe('draft');
    expect((await api.post(`/api/v1/workshops/${id}/archive`, undefined, as)).body.status).toBe('archived');
    const mine = (await api.get('/api/v1/workshops', as)).body.items.map((w: { id: string }) => w.id);
    const theirs = (await api.get('/api/v1/workshops')).body.items.map((w: { id: string }) => w.id);
    expect(mine).toContain(id);
    expect(theirs).not.toContain(id);
  });

  it('schedules a session: 201 with the trainer’s view, in the past too', async () => {
    const { id: workshopId } = await workshop(database.db, tokens.trainer, { title: 'Scheduling' });
    const answer = await api.post(`/api/v1/workshops/${workshopId}/sessions`, sessionBody({ facilitators: [{ name: 'Det. Ana Ruiz' }] }), as);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({
      id: expect.stringMatching(UUID),
      startsAt: iso(start),
      endsAt: iso(start + 3 * HOUR),
      capacity: 12,
      seatsLeft: 12,
      confirmedCount: 0,
      onlineUrl: null,
      venue: { name: 'Riverside station, room 2', address: '5 River Rd', directions: '', accessibility: '' },
      registrationClosesAt: iso(start),
      facilitators: [{ name: 'trainer@example.org', email: 'trainer@example.org' }, { name: 'Det. Ana Ruiz', email: '' }],
    });
    expect(answer.headers.get('location')).toBe(`/api/v1/sessions/${answer.body.id}`);

    const past = Date.now() - 30 * DAY;
    const earlier = await api.post(
      `/api/v1/workshops/${workshopId}/sessions`,
      sessionBody({ startsAt: iso(past), endsAt: iso(past + 2 * HOUR), venue: null, onlineUrl: 'https://meet.example.org/x' }),
      as,
    );
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(201);
    expect(earlier.body).toMatchObject({ onlineUrl: 'https://meet.example.org/x', online: true });

    const listed = await api.get(`/api/v1/workshops/${workshopId}/sessions`, as);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([earlier.body.id, answer.body.id]);
  });

  it('refuses session input with the field that is wrong', async () => {
    const { id: workshopId } = await workshop(database.db, tokens.trainer, { title: 'Session rules' });
    const cases: [Record<string, unknown>, string][] = [
      [sessionBody({ endsAt: iso(start - HOUR) }), 'endsAt'],
      [sessionBody({ endsAt: iso(start) }), 'endsAt'],
      [sessionBody({ capacity: 0 }), 'capacity'],
      [sessionBody({ capacity: 2.5 }), 'capacity'],
      [sessionBody({ timeZone: 'Mars/Olympus_Mons' }), 'timeZone'],
      [sessionBody({ timeZone: '' }), 'timeZone'],
      [sessionBody({ venue: null, onlineUrl: 'ftp://files.example.org' }), 'onlineUrl'],
      [sessionBody({ venue: null, onlineUrl: 'javascript:alert(1)' }), 'onlineUrl'],
      [sessionBody({ registrationOpensAt: iso(start - DAY), registrationClosesAt: iso(start - 2 * DAY) }), 'registrationClosesAt'],
      [sessionBody({ venue: { name: '' } }), 'venue.name'],
      [sessionBody({ venue: null }), 'venue'],
      [sessionBody({ startsAt: 'next Tuesday' }), 'startsAt'],
      [sessionBody({ startsAt: '2031-03-03T15:00' }), 'startsAt'],
      [sessionBody({ partnerAgencyId: UNKNOWN }), 'partnerAgencyId'],
      [sessionBody({ partnerAgencyId: 'riverside' }), 'partnerAgencyId'],
      [sessionBody({ minEnrolment: 13 }), 'minEnrolment'],
      [sessionBody({ visibility: 'secret' }), 'visibility'],
      [sessionBody({ facilitators: [{ name: 'X', email: 'not-an-email' }] }), 'facilitators.0.email'],
      [sessionBody({ venue: { name: 'Room\u00002' } }), 'venue.name'],
    ];
    for (const [body, field] of cases) {
      const answer = await api.post(`/api/v1/workshops/${workshopId}/sessions`, body, as);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(answer.body.error.fields), JSON.stringify(body)).toEqual([field]);
    }
    // Year 0 passes the ISO format but not PostgreSQL: refused beside the field, never a 500.
    const yearZero = await api.post(`/api/v1/workshops/${workshopId}/sessions`, sessionBody({ startsAt: '0000-01-01T00:00:00Z' }), as);
    expect(yearZero.status).toBe(422);
    expect(yearZero.body.error.code).toBe('validation_failed');
    expect(Object.keys(yearZero.body.error.fields)).toContain('startsAt');
    const empty = await api.post(`/api/v1/workshops/${workshopId}/sessions`, {}, as);
    expect(Object.keys(empty.body.error.fields).sort()).toEqual(['capacity', 'endsAt', 'startsAt', 'timeZone']);
  });

  it('changes a session, and refuses a capacity below those already confirmed', async () => {
    const { id: workshopId } = await workshop(database.db, tokens.trainer, { title: 'Changing sessions' });
    const { id, sequence } = await session(database.db, tokens.trainer, workshopId, start);
    const moved = await api.patch(`/api/v1/sessions/${id}`, { startsAt: iso(start + DAY), endsAt: iso(start + DAY + HOUR), bogus: true }, as);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: iso(start + DAY), sequence: sequence + 1 });
    expect((await api.patch(`/api/v1/sessions/${id}`, { endsAt: iso(start) }, as)).body.error.fields).toEqual({ endsAt: expect.any(String) });

    await database.db.update(trainingSessions).set({ confirmedCount: 5 }).where(eq(trainingSessions.id, id));
    const shrunk = await api.patch(`/api/v1/sessions/${id}`, { capacity: 4 }, as);
    expect(shrunk.status).toBe(422);
    expect(Object.keys(shrunk.body.error.fields)).toEqual(['capacity']);
    expect((await api.patch(`/api/v1/sessions/${id}`, { capacity: 5 }, as)).body.capacity).toBe(5);
    expect((await api.patch(`/api/v1/sessions/${id}`, { status: 'cancelled' }, as)).body.status).toBe('cancelled');
    expect((await api.patch(`/api/v1/sessions/${id}`, { status: 'deleted' }, as)).body.error.fields).toEqual({ status: expect.any(String) });
  });

  it('keeps agencies: create, list, read, change, delete', async () => {
    const created = await api.post(
      '/api/v1/agencies',
      {
        name: 'Riverside Police Department',
        kind: 'police_department',
        units: ['Special Victims Unit'],
        contacts: [{ name: 'Sgt. Lee', email: 'lee@riverside.example.org' }],
        partnerships: [{ mouStatus: 'signed', signedOn: '2025-01-15', renewalOn: '2027-01-15' }],
      },
      as,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { id } = created.body;
    expect(created.headers.get('location')).toBe(`/api/v1/agencies/${id}`);
    expect(created.body).toMatchObject({
      contacts: [{ name: 'Sgt. Lee', email: 'lee@riverside.example.org', role: '', phone: '' }],
      partnerships: [{ mouStatus: 'signed', signedOn: '2025-01-15' }],
    });
    expect((await api.get('/api/v1/agencies', as)).body.items).toContainEqual({ id, name: 'Riverside Police Department', kind: 'police_department' });
    expect((await api.get(`/api/v1/agencies/${id}`, as)).body).toEqual(created.body);

    const bad: [unknown, string][] = [
      [{ name: 'X', kind: 'other' }, 'name'],
      [{ name: 'Valid', kind: 'fbi' }, 'kind'],
      [{ name: 'Valid', kind: 'other', contacts: [{ name: 'A', email: 'nope' }] }, 'contacts.0.email'],
      [{ name: 'Valid', kind: 'other', partnerships: [{ mouStatus: 'signed' }] }, 'partnerships.0.signedOn'],
    ];
    for (const [body, field] of bad) {
      const answer = await api.post('/api/v1/agencies', body, as);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(answer.body.error.fields)).toEqual([field]);
    }

    const changed = await api.patch(`/api/v1/agencies/${id}`, { name: 'Riverside PD', contacts: [] }, as);
    expect(changed.body).toMatchObject({ name: 'Riverside PD', contacts: [], units: ['Special Victims Unit'] });

    const { id: workshopId } = await workshop(database.db, tokens.trainer, { title: 'Joint work' });
    const joint = await session(database.db, tokens.trainer, workshopId, start, { partnerAgencyId: id });
    expect((await api.delete(`/api/v1/agencies/${id}`, as)).status).toBe(204);
    expect((await api.get(`/api/v1/agencies/${id}`, as)).status).toBe(404);
    expect((await api.delete(`/api/v1/agencies/${id}`, as)).status).toBe(404);
    expect((await api.get(`/api/v1/sessions/${joint.id}`)).body).toMatchObject({ joint: false, partnerAgency: null });
  });
});
