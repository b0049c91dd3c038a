import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { registrations, trainingSessions } from '@/db/schema';
import { registerForSession } from '@/lib/registrations/register';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { apiRoutes } from './_lib/routes';
import { apiClient } from './_test/client';
import { DAY, HOUR, people, session, workshop } from './_test/fixtures';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe.each(testDrivers)('attendance API on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let api: ReturnType<typeof apiClient>;
  let token: string;
  let officerToken: string;
  let revokedToken: string;
  let trainer: { id: string; role: 'trainer' };
  let workshopId: string;
  let counter = 0;

  /** A 3-hour session starting `startsIn` from now (negative: already started), with one person in it. */
  async function personIn(startsIn = -HOUR, extra: Record<string, unknown> = {}) {
    const sessionId = (await session(db, trainer, workshopId, Date.now() + startsIn, extra)).id;
    const place = await registerForSession(db, trainer, sessionId, { name: `Officer ${++counter}`, email: `att-${counter}@example.org` }, { allowOutsideWindow: true });
    return { sessionId, registrationId: place.id };
  }
  const put = (registrationId: string, body: unknown, as: { token?: string } = { token }) =>
    api.put(`/api/v1/registrations/${registrationId}/attendance`, body, as);

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    api = apiClient(db);
    ({ token, officerToken, revokedToken, trainer } = await people(db));
    workshopId = (await workshop(db, trainer, { title: 'Recognising signs of abuse' })).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is in the route list as a trainer’s PUT with its body and its conflicts', () => {
    const route = apiRoutes.find((r) => r.operationId === 'recordAttendance');
    expect(route).toMatchObject({ method: 'put', path: '/api/v1/registrations/{id}/attendance', auth: 'bearer', alsoFails: [409] });
  });

  it('records attendance: 200 with what is stored; the same again is 200 with changed false', async () => {
    const { sessionId, registrationId } = await personIn();
    const first = await put(registrationId, { status: 'attended' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ id: registrationId, attendance: 'attended', attendedHours: null, changed: true });
    expect((await put(registrationId, { status: 'attended' })).body).toEqual({ id: registrationId, attendance: 'attended', attendedHours: null, changed: false });

    const partial = await put(registrationId, { status: 'partial', hours: 2.25, note: 'ignored' });
    expect(partial.body).toEqual({ id: registrationId, attendance: 'partial', attendedHours: 2.25, changed: true });
    expect((await put(registrationId, { status: 'absent', hours: 1 })).body).toEqual({ id: registrationId, attendance: 'absent', attendedHours: null, changed: true });

    // The roster shows what was recorded.
    const other = await registerForSession(db, trainer, sessionId, { name: 'Not Marked', email: 'not-marked@example.org' }, { allowOutsideWindow: true });
    await put(registrationId, { status: 'partial', hours: 1.5 });
    const roster = await api.get(`/api/v1/sessions/${sessionId}/registrations`, { token });
    expect(roster.status).toBe(200);
    const items = roster.body.items as { id: string; attendance: unknown }[];
    expect(items.find((i) => i.id === registrationId)!.attendance).toEqual({ status: 'partial', hours: 1.5 });
    expect(items.find((i) => i.id === other.id)!.attendance).toBeNull();
  });

  it('answers bad input with 422 and a message beside the field', async () => {
    const { registrationId } = await personIn();
    const cases: [unknown, string, string][] = [
      [{ status: 'partial' }, 'hours', 'Enter the hours attended for partial attendance.'],
      [{ status: 'partial', hours: 0 }, 'hours', 'Enter the hours attended: more than 0.'],
      [{ status: 'partial', hours: 3.01 }, 'hours', 'The session lasts 3 hours: enter at most that.'],
      [{ status: 'partial', hours: 1.234 }, 'hours', 'Use at most two decimal places.'],
      [{ status: 'partial', hours: '1.5' }, 'hours', 'Enter the hours as a number, like 1.5.'],
      [{ status: 'here' }, 'status', 'Choose attended, absent or partial.'],
      [{}, 'status', 'Choose attended, absent or partial.'],
      [{ status: 'attended\u0000' }, 'status', 'Text cannot contain the NUL character (U+0000).'],
    ];
    for (const [body, field, message] of cases) {
      const answer = await put(registrationId, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.error.code).toBe('validation_failed');
      expect(answer.body.error.fields?.[field], JSON.stringify(body)).toBe(message);
    }
    for (const body of [[], 'attended', null]) {
      const answer = await put(registrationId, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.error.fields).toHaveProperty('_');
    }
    const notJson = await api.call('put', `/api/v1/registrations/${registrationId}/attendance`, { token, rawBody: '{"status":' });
    expect(notJson.status).toBe(422);
    expect(notJson.body.error.fields).toEqual({ _: 'The request body must be JSON.' });
  });

  it('answers 409 before the start (saying when, zone named), once the roster is closed, and for a waitlisted place', async () => {
    const early = await personIn(2 * DAY);
    const notOpen = await put(early.registrationId, { status: 'attended' });
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.error.code).toBe('attendance_not_open');
    expect(notOpen.body.error.message).toMatch(/^Attendance opens when the session starts, on .+ C[SD]T\.$/);

    const closed = await personIn();
    await db.update(trainingSessions).set({ rosterClosedAt: new Date() }).where(eq(trainingSessions.id, closed.sessionId));
    const roster = await put(closed.registrationId, { status: 'attended' });
    expect(roster.status).toBe(409);
    expect(roster.body.error.code).toBe('roster_closed');

    const full = await personIn(-HOUR, { capacity: 1 });
    const waiting = await registerForSession(db, trainer, full.sessionId, { name: 'Waiting', email: 'waiting-api@example.org' }, { allowOutsideWindow: true });
    expect(waiting.status).toBe('waitlisted');
    const waitlisted = await put(waiting.id, { status: 'attended' });
    expect(waitlisted.status).toBe(409);
    expect(waitlisted.body.error.code).toBe('registration_not_confirmed');

    // A session in the past: any time.
    const past = await personIn(-30 * DAY);
    expect((await put(past.registrationId, { status: 'absent' })).status).toBe(200);
  });

  it('takes a workshop’s minimum hours for a certificate from partial attendance, or none', async () => {
    const created = await api.post('/api/v1/workshops', { title: 'Joint interviews', creditHours: 3, minimumCertificateHours: 1.5 }, { token });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ creditHours: 3, minimumCertificateHours: 1.5 });
    const cleared = await api.patch(`/api/v1/workshops/${created.body.id}`, { minimumCertificateHours: null }, { token });
    expect(cleared.body.minimumCertificateHours).toBeNull();
    expect((await api.post('/api/v1/workshops', { title: 'Plain' }, { token })).body.minimumCertificateHours).toBeNull();
    const refused = await api.patch(`/api/v1/workshops/${created.body.id}`, { minimumCertificateHours: -1 }, { token });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual({ minimumCertificateHours: 'The minimum hours cannot be negative.' });
  });

  it('refuses strangers (401) and officers (403) before reading the body; unknown ids are 404', async () => {
    const { registrationId } = await personIn();
    for (const as of [undefined, 'mst_not-a-real-token', revokedToken]) {
      const answer = await put(registrationId, { status: 'attended' }, { token: as });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('unauthorized');
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    }
    const officer = await api.call('put', `/api/v1/registrations/${registrationId}/attendance`, { token: officerToken, rawBody: '{"broken' });
    expect(officer.status).toBe(403);
    expect(officer.body.error.code).toBe('forbidden');
    expect((await put(registrationId, { status: 'attended' }, { token: officerToken })).status).toBe(403);
    const roster = await api.get(`/api/v1/sessions/${UNKNOWN}/registrations`, { token: officerToken });
    expect(roster.status).toBe(403);

    for (const id of [UNKNOWN, 'not-a-uuid']) {
      const answer = await put(id, { status: 'attended' });
      expect(answer.status, id).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
      // An unknown id is a 404 whatever the body.
      expect((await api.call('put', `/api/v1/registrations/${id}/attendance`, { token, rawBody: 'not json' })).status).toBe(404);
      expect((await put(id, { status: 'nope' })).status).toBe(404);
    }
    const [row] = await db.select().from(registrations).where(eq(registrations.id, registrationId));
    expect(row!.attendance).toBeNull();
  });
});
