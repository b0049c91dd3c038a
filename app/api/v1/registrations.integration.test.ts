import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { updateSession } from '@/lib/sessions/sessions';
import { registerForSession } from '@/lib/registrations/register';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { handlers } from './_handlers';
import { respond } from './_lib/api-handler';
import { apiClient, type TApiAnswer } from './_test/client';
import { DAY, people, session, workshop, iso } from './_test/fixtures';

type TRegisterCall = { token?: string; ip?: string; query?: string; limitPerIp?: number };

describe.each(testDrivers)('registrations API on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let api: ReturnType<typeof apiClient>;
  let token: string;
  let officerToken: string;
  let trainer: { id: string; role: 'trainer' };
  let workshopId: string;
  let ipCounter = 0;

  /**
   * POST /sessions/{id}/registrations with the client IP header the server sets (the shared client
   * cannot set headers). Each call gets its own IP unless given, so only the limit test meets it.
   */
  async function register(sessionId: string, body: unknown, call: TRegisterCall = {}): Promise<TApiAnswer> {
    const headers = new Headers({ 'content-type': 'application/json', 'x-muster-client-ip': call.ip ?? `10.0.0.${++ipCounter}` });
    if (call.token !== undefined) headers.set('authorization', `Bearer ${call.token}`);
    const request = new Request(`http://muster.test/api/v1/sessions/${sessionId}/registrations${call.query ?? ''}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const deps = call.limitPerIp === undefined ? {} : { limitPerIp: call.limitPerIp };
    const response = await respond((ctx) => handlers.registerForSession(ctx, deps), { db, request, params: { id: sessionId } });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  const person = (n: number | string, extra: Record<string, unknown> = {}) => ({ name: `Officer ${n}`, email: `officer${n}@example.org`, ...extra });
  const newSession = async (extra: Record<string, unknown> = {}, startsIn = 10 * DAY) =>
    (await session(db, trainer, workshopId, Date.now() + startsIn, extra)).id;
  const roster = async (sessionId: string) => {
    const answer = await api.get(`/api/v1/sessions/${sessionId}/registrations`, { token });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.items as { id: string; email: string; status: string; waitlistPosition: number | null }[];
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    api = apiClient(db);
    const made = await people(db);
    ({ token, officerToken, trainer } = made);
    workshopId = (await workshop(db, trainer, { title: 'Trauma-informed interviewing' })).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('confirms while seats last, then waitlists with a place in line; never answers the manage token', async () => {
    const id = await newSession({ capacity: 2 });
    const first = await register(id, person('a1', { agency: 'Riverside PD', badgeNumber: '123', role: 'Detective', accessNeeds: 'Step-free access' }));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), status: 'confirmed' });
    expect((await register(id, person('a2'))).body).toMatchObject({ status: 'confirmed' });
    const third = await register(id, person('a3'));
    expect(third.status).toBe(201);
    expect(third.body).toEqual({ id: expect.any(String), status: 'waitlisted', waitlistPosition: 1 });
    expect((await register(id, person('a4'))).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(JSON.stringify(first.body)).not.toMatch(/token/i);
  });

  it('refuses the same email twice, whatever its case, with 409 already_registered', async () => {
    const id = await newSession();
    expect((await register(id, person('dup'))).status).toBe(201);
    const again = await register(id, { name: 'Someone', email: 'OFFICERdup@Example.ORG' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_registered');
  });

  it('refuses closed and cancelled sessions with 409, unknown sessions with 404', async () => {
    const notYet = await newSession({ registrationOpensAt: iso(Date.now() + DAY), registrationClosesAt: iso(Date.now() + 5 * DAY) });
    const closed = await register(notYet, person('closed'));
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('registration_closed');
    const past = await newSession({}, -2 * DAY);
    expect((await register(past, person('past'))).body.error.code).toBe('registration_closed');

    const cancelled = await newSession();
    await updateSession(db, trainer, cancelled, { status: 'cancelled' });
    const answer = await register(cancelled, person('cancelled'));
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('session_cancelled');

    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const missing = await register(unknown, person('missing'));
      expect(missing.status, unknown).toBe(404);
      expect(missing.body.error.code).toBe('not_found');
    }
  });

  it('answers 422 with the field for bad input', async () => {
    const id = await newSession();
    const noEmail = await register(id, { name: 'No Email' });
    expect(noEmail.status).toBe(422);
    expect(noEmail.body.error.code).toBe('validation_failed');
    expect(noEmail.body.error.fields).toHaveProperty('email');
    expect((await register(id, { name: 'Bad', email: 'not-an-email' })).body.error.fields).toHaveProperty('email');
    expect((await register(id, { email: 'noname@example.org' })).body.error.fields).toHaveProperty('name');
  });

  it('ignores a status in the body: a full session still waitlists', async () => {
    const id = await newSession({ capacity: 1 });
    expect((await register(id, person('s1'))).body.status).toBe('confirmed');
    const sneaky = await register(id, person('s2', { status: 'confirmed', confirmedAt: iso(Date.now()), waitlistPosition: 0 }));
    expect(sneaky.status).toBe(201);
    expect(sneaky.body).toEqual({ id: expect.any(String), status: 'waitlisted', waitlistPosition: 1 });
    expect((await roster(id)).find((r) => r.id === sneaky.body.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('limits anonymous registrations per client IP with 429 and Retry-After', async () => {
    const id = await newSession({ capacity: 50 });
    const ip = '203.0.113.7';
    for (let i = 0; i < 3; i += 1) expect((await register(id, person(`rl${i}`), { ip, limitPerIp: 3 })).status).toBe(201);
    const limited = await register(id, person('rl3'), { ip, limitPerIp: 3 });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      error: { code: 'rate_limited', message: 'Too many registrations from your network. Try again in a minute.' },
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another network is not affected; a trainer's token is not limited at all.
    expect((await register(id, person('rl4'), { ip: '203.0.113.8', limitPerIp: 3 })).status).toBe(201);
    expect((await register(id, person('rl5'), { ip, limitPerIp: 3, token })).status).toBe(201);
    // An officer's token is not a trainer's: still limited.
    expect((await register(id, person('rl6'), { ip, limitPerIp: 3, token: officerToken })).status).toBe(429);
  });

  it('lets a trainer register outside the window and overbook only when asked; a bad token is 401', async () => {
    const notYet = await newSession({ capacity: 1, registrationOpensAt: iso(Date.now() + DAY), registrationClosesAt: iso(Date.now() + 5 * DAY) });
    expect((await register(notYet, person('t1'), { token })).body).toMatchObject({ status: 'confirmed' });
    expect((await register(notYet, person('t2'), { token })).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const full = await newSession({ capacity: 1 });
    expect((await register(full, person('o1'))).body.status).toBe('confirmed');
    expect((await register(full, person('o2'), { query: '?overbook=1' })).body.status).toBe('waitlisted');
    expect((await register(full, person('o3'), { token, query: '?overbook=1' })).body.status).toBe('confirmed');
    expect((await register(full, person('o4'), { token, query: '?overbook=yes' })).status).toBe(422);

    const bad = await register(full, person('o5'), { token: 'not-a-real-token' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('unauthorized');
    expect((await register(notYet, person('t3'), { token: officerToken })).body.error.code).toBe('registration_closed');
  });

  it('shows the roster to trainers only, with attendance null', async () => {
    const id = await newSession({ capacity: 1 });
    await register(id, person('r1', { agency: 'Riverside PD' }));
    await register(id, person('r2'));
    const items = await roster(id);
    expect(items).toEqual([
      expect.objectContaining({ email: 'officerr1@example.org', name: 'Officer r1', agencyAsGiven: 'Riverside PD', status: 'confirmed', waitlistPosition: null, attendance: null }),
      expect.objectContaining({ email: 'officerr2@example.org', status: 'waitlisted', waitlistPosition: 1, attendance: null }),
    ]);
    expect((await api.get(`/api/v1/sessions/${id}/registrations`, { token: officerToken })).status).toBe(403);
    const anonymous = await api.get(`/api/v1/sessions/${id}/registrations`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect((await api.get('/api/v1/sessions/00000000-0000-4000-8000-000000000000/registrations', { token })).status).toBe(404);
  });

  it('cancels by manage token and moves the first on the waitlist into the seat', async () => {
    const id = await newSession({ capacity: 1 });
    const owner = await registerForSession(db, null, id, person('c1'));
    expect(owner.status).toBe('confirmed');
    const next = await register(id, person('c2'));
    const after = await register(id, person('c3'));
    expect([next.body.waitlistPosition, after.body.waitlistPosition]).toEqual([1, 2]);

    const wrong = await api.post(`/api/v1/registrations/${owner.id}/cancel`, { manageToken: 'not-the-token' });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('not_found');
    const none = await api.post(`/api/v1/registrations/${owner.id}/cancel`);
    expect(none.status).toBe(401);
    expect((await api.post(`/api/v1/registrations/${owner.id}/cancel`, {})).status).toBe(401);

    const cancelled = await api.post(`/api/v1/registrations/${owner.id}/cancel`, { manageToken: owner.manageToken });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toEqual({ id: owner.id, status: 'cancelled' });
    const items = await roster(id);
    expect(items.find((r) => r.id === next.body.id)).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(items.find((r) => r.id === after.body.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(items.find((r) => r.id === owner.id)).toMatchObject({ status: 'cancelled' });
  });

  it('cancels with a trainer’s token; an officer’s is 403, a bad one 401, an unknown id 404', async () => {
    const id = await newSession();
    const registered = await register(id, person('ct1'));
    expect((await api.post(`/api/v1/registrations/${registered.body.id}/cancel`, {}, { token: officerToken })).status).toBe(403);
    expect((await api.post(`/api/v1/registrations/${registered.body.id}/cancel`, {}, { token: 'nope' })).status).toBe(401);
    expect((await api.post('/api/v1/registrations/00000000-0000-4000-8000-000000000000/cancel', {}, { token })).status).toBe(404);
    expect((await api.post('/api/v1/registrations/not-a-uuid/cancel', { manageToken: 'x' })).status).toBe(404);
    const answer = await api.post(`/api/v1/registrations/${registered.body.id}/cancel`, undefined, { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: registered.body.id, status: 'cancelled' });
    // Twice is not an error.
    expect((await api.post(`/api/v1/registrations/${registered.body.id}/cancel`, {}, { token })).status).toBe(200);
    expect((await api.post(`/api/v1/registrations/${registered.body.id}/cancel`, { manageToken: 1 })).status).toBe(422);
  });

  it('shows seats left and the waitlist length publicly, without anyone’s name or email', async () => {
    const id = await newSession({ capacity: 2 });
    for (const n of ['p1', 'p2', 'p3']) expect((await register(id, person(n))).status).toBe(201);
    const answer = await api.get(`/api/v1/sessions/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id, capacity: 2, seatsLeft: 0, waitlistCount: 1 });
    const text = JSON.stringify(answer.body);
    expect(text).not.toMatch(/officerp\d|Officer p\d|@example\.org/i);
    expect(answer.body).not.toHaveProperty('registrations');
    expect(answer.body).not.toHaveProperty('facilitators');
    expect(answer.body).not.toHaveProperty('confirmedCount');
  });
  it('answers pending_approval for a session that needs approval; a trainer approves or declines it, nobody else', async () => {
    const id = await newSession({ capacity: 5, approval: 'trainer', requireEmailConfirmation: false, maxRegistrationsPerAddress: null });
    const asked = await register(id, person('ap1'));
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toEqual({ id: expect.any(String), status: 'pending_approval' });
    const other = await register(id, person('ap2'));
    expect((await roster(id)).find((r) => r.id === asked.body.id)?.status).toBe('pending_approval');

    expect((await api.post(`/api/v1/registrations/${asked.body.id}/approve`, {}, { token: officerToken })).status).toBe(403);
    expect((await api.post(`/api/v1/registrations/${asked.body.id}/approve`, {})).status).toBe(401);
    const approved = await api.post(`/api/v1/registrations/${asked.body.id}/approve`, {}, { token });
    expect(approved.body).toEqual({ id: asked.body.id, status: 'approved' });
    expect((await api.post(`/api/v1/registrations/${asked.body.id}/decline`, {}, { token })).body).toEqual({ id: asked.body.id, status: 'decided' });
    expect((await api.post(`/api/v1/registrations/${other.body.id}/decline`, {}, { token })).body).toEqual({ id: other.body.id, status: 'declined' });
    const statuses = new Map((await roster(id)).map((r) => [r.id, r.status]));
    expect([statuses.get(asked.body.id), statuses.get(other.body.id)]).toEqual(['confirmed', 'cancelled']);
    expect((await api.post('/api/v1/registrations/00000000-0000-4000-8000-000000000000/approve', {}, { token })).status).toBe(404);
  });
});
