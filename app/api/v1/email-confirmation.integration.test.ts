import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { mailOutbox, registrations, trainingSessions } from '@/db/schema';
import { confirmHeldPlace, HOLD_MS, releaseExpiredHolds } from '@/lib/registrations/hold';
import { cancelRegistration } from '@/lib/registrations/cancel';
import { moveRegistration } from '@/lib/registrations/move';
import { manageTokenFor } from '@/lib/registrations/tokens';
import { announceToSession } from '@/lib/roster/announce';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { handlers } from './_handlers';
import { respond } from './_lib/api-handler';
import { apiClient, type TApiAnswer } from './_test/client';
import { DAY, people, session, workshop } from './_test/fixtures';

const CHECK_EMAIL = { status: 'check_email', message: 'Check your email to confirm your place.' };

describe.each(testDrivers)('registration that reveals nothing, on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let api: ReturnType<typeof apiClient>;
  let token: string;
  let trainer: { id: string; role: 'trainer' };
  let workshopId: string;
  let ipCounter = 0;

  async function register(sessionId: string, body: unknown, call: { ip?: string; token?: string } = {}): Promise<TApiAnswer> {
    const headers = new Headers({ 'content-type': 'application/json', 'x-muster-client-ip': call.ip ?? `10.9.0.${++ipCounter}` });
    if (call.token) headers.set('authorization', `Bearer ${call.token}`);
    const request = new Request(`http://muster.test/api/v1/sessions/${sessionId}/registrations`, { method: 'POST', headers, body: JSON.stringify(body) });
    const response = await respond((ctx) => handlers.registerForSession(ctx, { limitPerIp: 1000 }), { db, request, params: { id: sessionId } });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  const person = (n: string) => ({ name: `Officer ${n}`, email: `officer.${n}@example.org` });
  const newSession = async (extra: Record<string, unknown> = {}) => (await session(db, trainer, workshopId, Date.now() + 10 * DAY, extra)).id;
  const mailTo = (email: string, template?: string) =>
    db
      .select()
      .from(mailOutbox)
      .where(template ? and(eq(mailOutbox.toAddress, email), eq(mailOutbox.template, template)) : eq(mailOutbox.toAddress, email));
  /** The token in the newest confirmation email to `email`. */
  const confirmToken = async (email: string) => {
    const mails = await mailTo(email, 'registration-confirm-place');
    const newest = mails.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1)!;
    return new URL((newest.props as { confirmUrl: string }).confirmUrl).searchParams.get('token')!;
  };
  const placeOf = async (email: string, sessionId: string) =>
    (await db.select().from(registrations).where(and(eq(registrations.email, email), eq(registrations.sessionId, sessionId))))[0]!;
  const counts = async (sessionId: string) =>
    (await db.select({ confirmed: trainingSessions.confirmedCount, waiting: trainingSessions.waitlistCount }).from(trainingSessions).where(eq(trainingSessions.id, sessionId)))[0]!;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    api = apiClient(db);
    ({ token, trainer } = await people(db));
    workshopId = (await workshop(db, trainer, { title: 'Interviewing children' })).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is on by default for an unlisted session, off for a public one, and can be set either way', async () => {
    const body = (extra: Record<string, unknown>) => ({
      startsAt: new Date(Date.now() + 5 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 5 * DAY + 3_600_000).toISOString(),
      timeZone: 'America/Chicago',
      capacity: 10,
      venue: { name: 'Room 1' },
      ...extra,
    });
    const create = (extra: Record<string, unknown>) => api.post(`/api/v1/workshops/${workshopId}/sessions`, body(extra), { token });
    const unlisted = await create({ visibility: 'unlisted' });
    const listed = await create({});
    const chosen = await create({ visibility: 'unlisted', requireEmailConfirmation: false, maxRegistrationsPerAddress: null });
    expect(unlisted.status, JSON.stringify(unlisted.body)).toBe(201);
    expect(unlisted.body).toMatchObject({ requireEmailConfirmation: true, maxRegistrationsPerAddress: 10 });
    expect(listed.body).toMatchObject({ requireEmailConfirmation: false, maxRegistrationsPerAddress: 10 });
    expect(chosen.body).toMatchObject({ requireEmailConfirmation: false, maxRegistrationsPerAddress: null });
    const wrong = await create({ maxRegistrationsPerAddress: 0 });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields.maxRegistrationsPerAddress).toMatch(/at least 1/);
  });

  it('holds the seat, sends only the confirmation link, and books with the invite when the link is used once', async () => {
    const id = await newSession({ capacity: 1, requireEmailConfirmation: true });
    const answer = await register(id, person('hold'));
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual(CHECK_EMAIL);
    expect(await counts(id)).toEqual({ confirmed: 1, waiting: 0 });
    const held = await placeOf('officer.hold@example.org', id);
    expect(held.status).toBe('confirmed');
    expect(held.holdExpiresAt!.getTime() - Date.now()).toBeGreaterThan(HOLD_MS - 60_000);
    expect((await mailTo('officer.hold@example.org')).map((m) => m.template)).toEqual(['registration-confirm-place']);

    // Held, not booked: the roster says so, and an announcement passes it by.
    const roster = (await api.get(`/api/v1/sessions/${id}/registrations`, { token })).body.items;
    expect(roster[0]).toMatchObject({ status: 'confirmed', awaitingEmailUntil: held.holdExpiresAt!.toISOString() });
    await expect(announceToSession(db, trainer, id, { subject: 'Parking', message: 'Use the back lot.' })).rejects.toMatchObject({ code: 'nobody_confirmed' });

    const link = await confirmToken('officer.hold@example.org');
    const confirmed = await confirmHeldPlace(db, link);
    expect(confirmed.kind).toBe('confirmed');
    const templates = (await mailTo('officer.hold@example.org')).map((m) => m.template).sort();
    expect(templates).toEqual(['registration-confirm-place', 'registration-confirmed', 'session-reminder', 'session-reminder']);
    expect((await placeOf('officer.hold@example.org', id)).holdExpiresAt).toBeNull();
    expect(await confirmHeldPlace(db, link)).toEqual({ kind: 'unknown' });
    expect(await confirmHeldPlace(db, 'made-up-token')).toEqual({ kind: 'unknown' });
  });

  it('answers every anonymous caller the same, whatever the address has, and emails its owner the fitting link', async () => {
    const id = await newSession({ capacity: 1, requireEmailConfirmation: true });
    const answers = [await register(id, person('new'))]; // takes the seat, held
    const firstLink = await confirmToken('officer.new@example.org');
    answers.push(await register(id, person('new'))); // the same address while held
    answers.push(await register(id, person('waiting'))); // the session is full: a held waitlist place
    const secondLink = await confirmToken('officer.waiting@example.org');
    expect((await confirmHeldPlace(db, secondLink)).kind).toBe('confirmed');
    answers.push(await register(id, person('waiting'))); // the same address once on the waitlist
    for (const answer of answers) {
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual(CHECK_EMAIL);
    }
    // Asking again while held sent a fresh confirmation link; the first one stopped working.
    const fresh = await confirmToken('officer.new@example.org');
    expect(fresh).not.toBe(firstLink);
    expect(await confirmHeldPlace(db, firstLink)).toEqual({ kind: 'unknown' });
    expect((await confirmHeldPlace(db, fresh)).kind).toBe('confirmed');
    // A booked address gets its manage link, and the waitlisted person their number once confirmed.
    expect(await mailTo('officer.waiting@example.org', 'registration-manage-link')).toHaveLength(1);
    const waitlisted = await mailTo('officer.waiting@example.org', 'registration-waitlisted');
    expect(waitlisted.map((m) => (m.props as { position: number }).position)).toEqual([1]);
    expect(await counts(id)).toEqual({ confirmed: 1, waiting: 1 });
  });

  it('frees an unconfirmed hold after 30 minutes: the seat goes to the first confirmed person waiting, and nobody is told of the hold', async () => {
    const id = await newSession({ capacity: 1, requireEmailConfirmation: true });
    await register(id, person('late'));
    await register(id, person('next'));
    expect((await confirmHeldPlace(db, await confirmToken('officer.next@example.org'))).kind).toBe('confirmed');
    const lateLink = await confirmToken('officer.late@example.org');

    expect(await releaseExpiredHolds(db, new Date(Date.now() + HOLD_MS - 60_000))).toBe(0);
    expect(await releaseExpiredHolds(db, new Date(Date.now() + HOLD_MS + 1000))).toBeGreaterThanOrEqual(1);
    expect((await placeOf('officer.late@example.org', id)).status).toBe('cancelled');
    expect((await placeOf('officer.next@example.org', id)).status).toBe('confirmed');
    expect(await counts(id)).toEqual({ confirmed: 1, waiting: 0 });
    expect((await mailTo('officer.late@example.org')).map((m) => m.template)).toEqual(['registration-confirm-place']);
    const promoted = await mailTo('officer.next@example.org', 'registration-confirmed');
    expect(promoted.map((m) => (m.props as { reason: string }).reason)).toEqual(['promoted']);
    expect(await confirmHeldPlace(db, lateLink)).toEqual({ kind: 'unknown' });
  });

  it('releases a hold whose link comes too late instead of confirming it', async () => {
    const id = await newSession({ capacity: 3, requireEmailConfirmation: true });
    await register(id, person('slow'));
    const answer = await confirmHeldPlace(db, await confirmToken('officer.slow@example.org'), new Date(Date.now() + HOLD_MS + 1000));
    expect(answer).toEqual({ kind: 'expired' });
    expect((await placeOf('officer.slow@example.org', id)).status).toBe('cancelled');
    expect(await counts(id)).toEqual({ confirmed: 0, waiting: 0 });
  });

  it('promotes a held waitlist place into a freed seat without telling it before its holder confirms', async () => {
    const id = await newSession({ capacity: 1, requireEmailConfirmation: true });
    await register(id, person('seated'));
    const seated = await placeOf('officer.seated@example.org', id);
    expect((await confirmHeldPlace(db, await confirmToken('officer.seated@example.org'))).kind).toBe('confirmed');
    await register(id, person('queued'));
    await cancelRegistration(db, seated.id, { actor: trainer });
    expect((await placeOf('officer.queued@example.org', id)).status).toBe('confirmed');
    expect((await mailTo('officer.queued@example.org')).map((m) => m.template)).toEqual(['registration-confirm-place']);
    expect((await confirmHeldPlace(db, await confirmToken('officer.queued@example.org'))).kind).toBe('confirmed');
    expect((await mailTo('officer.queued@example.org', 'registration-confirmed')).length).toBe(1);
  });

  it('registers for a trainer at once, without a hold', async () => {
    const id = await newSession({ requireEmailConfirmation: true });
    const answer = await register(id, person('bytrainer'), { token });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'confirmed' });
    expect((await placeOf('officer.bytrainer@example.org', id)).holdExpiresAt).toBeNull();
  });

  it('without the setting, refuses a second registration without its status and emails the manage link a few times an hour at most', async () => {
    const id = await newSession({ capacity: 1 });
    await register(id, person('seat'));
    await register(id, person('queue'));
    const refusals = [];
    for (let i = 0; i < 5; i++) refusals.push(await register(id, person(i % 2 ? 'seat' : 'queue')));
    for (const refusal of refusals) {
      expect(refusal.status).toBe(409);
      expect(refusal.body.error).toEqual({
        code: 'already_registered',
        message: 'This email address is already registered for this session. We have emailed its manage link to that address.',
        fields: { email: 'This email address is already registered for this session. We have emailed its manage link to that address.' },
      });
    }
    expect(await mailTo('officer.seat@example.org', 'registration-manage-link')).toHaveLength(2);
    expect(await mailTo('officer.queue@example.org', 'registration-manage-link')).toHaveLength(3);
    const again = await register(id, person('queue'));
    expect(again.status).toBe(409);
    expect(await mailTo('officer.queue@example.org', 'registration-manage-link')).toHaveLength(3);
  });

  it('caps the places one address holds in a session, even when its registrations arrive together', async () => {
    const id = await newSession({ capacity: 100, maxRegistrationsPerAddress: 3 });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, n) => register(id, person(`nat${n}`), { ip: '198.51.100.7' })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => a.status)).toEqual(Array(9).fill(409));
    expect(refused[0]!.body.error).toMatchObject({ code: 'address_limit', message: expect.stringMatching(/already has 3 registrations from your network/) });
    // Another address is not affected, nor is a trainer.
    expect((await register(id, person('elsewhere'), { ip: '198.51.100.8' })).status).toBe(201);
    expect((await register(id, person('staff'), { ip: '198.51.100.7', token })).status).toBe(201);
    // Over the cap, a registered address and a new one get the same refusal.
    const seated = answers.find((a) => a.status === 201)!;
    const seatedEmail = (await db.select().from(registrations).where(eq(registrations.id, seated.body.id)))[0]!.email;
    const repeat = await register(id, { name: 'Again', email: seatedEmail }, { ip: '198.51.100.7' });
    expect(repeat.body).toEqual(refused[0]!.body);
    // A cancelled place frees its slot for the address.
    await cancelRegistration(db, seated.body.id, { actor: trainer });
    expect((await register(id, person('after'), { ip: '198.51.100.7' })).status).toBe(201);
    expect((await register(id, person('after2'), { ip: '198.51.100.7' })).status).toBe(409);
  });

  it('keeps the address’s limit when a place moves to another session, and moves no held place', async () => {
    const target = await newSession({ maxRegistrationsPerAddress: 1 });
    const from = await newSession();
    const held = await newSession({ requireEmailConfirmation: true });
    expect((await register(target, person('there'), { ip: '198.51.100.9' })).status).toBe(201);
    const moving = await register(from, person('mover'), { ip: '198.51.100.9' });
    const token = manageTokenFor(moving.body.id).token;
    await expect(moveRegistration(db, moving.body.id, { manageToken: token }, target)).rejects.toMatchObject({ code: 'address_limit' });
    await register(held, person('heldmover'));
    const heldPlace = await placeOf('officer.heldmover@example.org', held);
    await expect(moveRegistration(db, heldPlace.id, { actor: trainer }, from)).rejects.toMatchObject({ code: 'not_confirmed' });
  });
});
