import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { mailOutbox, registrations, trainingSessions, users } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { cancelRegistration } from '@/lib/registrations/cancel';
import { registerForSession } from '@/lib/registrations/register';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOfficer, createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { attendanceOfSession, getCheckInSheet } from './check-in-sheet';
import { recordAttendance } from './record';
import { addWalkIn } from './walk-in';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe.each(testDrivers)('recording attendance on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: NonNullable<TActor>;
  let officer: TActor;
  let coordinator: TActor;
  let workshopId: string;
  let counter = 0;

  /** A session that started an hour ago (3 hours long), with `count` people confirmed by the trainer. */
  async function startedSession(count = 2, values: Partial<typeof trainingSessions.$inferInsert> = {}) {
    const sessionId = await createOpenSession(db, workshopId, { startsAt: new Date(Date.now() - HOUR), ...values });
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const email = `person-${++counter}@example.org`;
      const place = await registerForSession(db, trainer, sessionId, { name: `Person ${counter}`, email }, { allowOutsideWindow: true });
      ids.push(place.id);
    }
    return { sessionId, ids };
  }

  const rowOf = async (id: string) => (await db.select().from(registrations).where(eq(registrations.id, id)))[0]!;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    officer = await createOfficer(db);
    const [c] = await db.insert(users).values({ email: 'coordinator@example.org', role: 'coordinator' }).returning({ id: users.id, role: users.role });
    coordinator = { id: c!.id, role: c!.role };
    workshopId = await createPublishedWorkshop(db, 'talking-with-children', 'Talking with children');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('marks a confirmed person attended once the session has started, and says who recorded it when', async () => {
    const { ids } = await startedSession(1);
    const now = new Date();
    const result = await recordAttendance(db, trainer, ids[0]!, { status: 'attended' }, now);
    expect(result.changed).toBe(true);
    expect(result.registration).toMatchObject({ id: ids[0], attendance: 'attended', attendedHours: null, attendanceRecordedAt: now.toISOString() });
    const row = await rowOf(ids[0]!);
    expect(row.attendance).toBe('attended');
    expect(row.attendanceRecordedBy).toBe(trainer.id);
    expect(row.attendanceRecordedAt?.toISOString()).toBe(now.toISOString());
  });

  it('refuses before the start, saying when it opens with the zone named', async () => {
    const startsAt = new Date('2031-03-04T15:00:00Z');
    const sessionId = await createOpenSession(db, workshopId, { startsAt });
    const place = await registerForSession(db, null, sessionId, { name: 'Early Bird', email: 'early@example.org' });
    const error = await refusal(recordAttendance(db, trainer, place.id, { status: 'attended' }));
    expect(error.status).toBe(409);
    expect(error.code).toBe('attendance_not_open');
    expect(error.message).toBe('Attendance opens when the session starts, on 4 Mar 2031, 9:00 CST.');
    expect((await rowOf(place.id)).attendance).toBeNull();
    // From the start itself, it is open.
    expect((await recordAttendance(db, trainer, place.id, { status: 'attended' }, startsAt)).changed).toBe(true);
  });

  it('takes attendance at any time for a session in the past', async () => {
    const { ids } = await startedSession(1, { startsAt: new Date(Date.now() - 40 * DAY) });
    expect((await recordAttendance(db, trainer, ids[0]!, { status: 'absent' })).registration.attendance).toBe('absent');
  });

  it('keeps hours for partial only, between 0 and the session’s length', async () => {
    const { ids } = await startedSession(1);
    const id = ids[0]!;
    const hoursError = async (input: Record<string, unknown>) => {
      const error = await refusal(recordAttendance(db, trainer, id, input));
      expect(error.status, JSON.stringify(input)).toBe(422);
      return error.fields?.hours;
    };
    expect(await hoursError({ status: 'partial' })).toBe('Enter the hours attended for partial attendance.');
    expect(await hoursError({ status: 'partial', hours: 0 })).toBe('Enter the hours attended: more than 0.');
    expect(await hoursError({ status: 'partial', hours: -1 })).toBe('Enter the hours attended: more than 0.');
    expect(await hoursError({ status: 'partial', hours: 3.5 })).toBe('The session lasts 3 hours: enter at most that.');
    expect(await hoursError({ status: 'partial', hours: 1.255 })).toBe('Use at most two decimal places.');
    // More than the column holds, whatever the session's length: a message, not a database error.
    expect(await hoursError({ status: 'partial', hours: 1000 })).toBe('Enter fewer than 1,000 hours.');
    expect(await hoursError({ status: 'partial', hours: '2' })).toBe('Enter the hours as a number, like 1.5.');
    expect((await refusal(recordAttendance(db, trainer, id, { status: 'late' }))).fields?.status).toBe('Choose attended, absent or partial.');
    expect((await rowOf(id)).attendance).toBeNull();

    const partial = await recordAttendance(db, trainer, id, { status: 'partial', hours: 1.1 });
    expect(partial.registration).toMatchObject({ attendance: 'partial', attendedHours: 1.1 });
    expect((await recordAttendance(db, trainer, id, { status: 'partial', hours: 3 })).registration.attendedHours).toBe(3);
    // Hours sent with "attended" are not stored: attended earns the workshop's credit hours.
    const attended = await recordAttendance(db, trainer, id, { status: 'attended', hours: 2 });
    expect(attended.registration).toMatchObject({ attendance: 'attended', attendedHours: null });
    expect((await rowOf(id)).attendedHours).toBeNull();
  });

  it('changes nothing when the same attendance is recorded again, and says so', async () => {
    const { ids } = await startedSession(1);
    const id = ids[0]!;
    const first = await recordAttendance(db, trainer, id, { status: 'partial', hours: 2 }, new Date(Date.now() - 60_000));
    const other = await ensureTrainer(db, 'second-trainer@example.org');
    const again = await recordAttendance(db, other, id, { status: 'partial', hours: 2 });
    expect(again.changed).toBe(false);
    expect(again.registration).toEqual(first.registration);
    expect((await rowOf(id)).attendanceRecordedBy).toBe(trainer.id);
    // Other hours are a change.
    expect((await recordAttendance(db, other, id, { status: 'partial', hours: 2.5 })).changed).toBe(true);
    expect((await rowOf(id)).attendanceRecordedBy).toBe(other.id);
  });

  it('refuses once the roster is closed', async () => {
    const { sessionId, ids } = await startedSession(1);
    await recordAttendance(db, trainer, ids[0]!, { status: 'attended' });
    await db.update(trainingSessions).set({ rosterClosedAt: new Date('2030-01-02T18:30:00Z') }).where(eq(trainingSessions.id, sessionId));
    const error = await refusal(recordAttendance(db, trainer, ids[0]!, { status: 'absent' }));
    expect(error).toMatchObject({ status: 409, code: 'roster_closed' });
    expect(error.message).toBe('The roster was closed on 2 Jan 2030, 12:30 CST: attendance can no longer change.');
    expect((await rowOf(ids[0]!)).attendance).toBe('attended');
  });

  it('refuses waitlisted and cancelled places, and cancelled sessions', async () => {
    const { ids } = await startedSession(2, { capacity: 1 });
    const waiting = await rowOf(ids[1]!);
    expect(waiting.status).toBe('waitlisted');
    const waitlisted = await refusal(recordAttendance(db, trainer, waiting.id, { status: 'attended' }));
    expect(waitlisted).toMatchObject({ status: 409, code: 'registration_not_confirmed' });
    expect(waitlisted.message).toContain('on the waitlist');

    await cancelRegistration(db, ids[0]!, { actor: trainer });
    const cancelled = await refusal(recordAttendance(db, trainer, ids[0]!, { status: 'attended' }));
    expect(cancelled).toMatchObject({ status: 409, code: 'registration_not_confirmed' });
    expect(cancelled.message).toContain('cancelled');

    const other = await startedSession(1);
    await db.update(trainingSessions).set({ status: 'cancelled' }).where(eq(trainingSessions.id, other.sessionId));
    expect(await refusal(recordAttendance(db, trainer, other.ids[0]!, { status: 'attended' }))).toMatchObject({ status: 409, code: 'session_cancelled' });
  });

  it('is for trainers only; an unknown registration is a 404', async () => {
    const { ids } = await startedSession(1);
    expect((await refusal(recordAttendance(db, officer, ids[0]!, { status: 'attended' }))).status).toBe(403);
    expect((await refusal(recordAttendance(db, coordinator, ids[0]!, { status: 'attended' }))).status).toBe(403);
    expect((await refusal(recordAttendance(db, null, ids[0]!, { status: 'attended' }))).status).toBe(401);
    expect((await rowOf(ids[0]!)).attendance).toBeNull();
    expect((await refusal(recordAttendance(db, trainer, '00000000-0000-4000-8000-000000000000', { status: 'attended' }))).status).toBe(404);
    expect((await refusal(recordAttendance(db, trainer, 'not-a-uuid', { status: 'attended' }))).status).toBe(404);
    // The 404 comes before any complaint about the input.
    expect((await refusal(recordAttendance(db, trainer, '00000000-0000-4000-8000-000000000000', { status: 'nope' }))).status).toBe(404);
  });

  it('two trainers marking the same person at once: one change, one "already so"', async () => {
    const { ids } = await startedSession(1);
    const other = await ensureTrainer(db, 'third-trainer@example.org');
    const results = await Promise.all([
      recordAttendance(db, trainer, ids[0]!, { status: 'attended' }),
      recordAttendance(db, other, ids[0]!, { status: 'attended' }),
    ]);
    expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
  });

  describe('a walk-in', () => {
    it('is confirmed over capacity and marked attended in one step, with a confirmation email', async () => {
      const { sessionId } = await startedSession(1, { capacity: 1 });
      const added = await addWalkIn(db, trainer, sessionId, { name: 'Walk In', email: 'Walk.In@Example.org', agency: 'Riverside PD' });
      expect(added).toMatchObject({ sessionId, name: 'Walk In', attendance: 'attended' });
      const row = await rowOf(added.id);
      expect(row).toMatchObject({ status: 'confirmed', email: 'walk.in@example.org', agency: 'Riverside PD', attendance: 'attended' });
      const [session] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
      expect(session!.confirmedCount).toBe(2);
      const mail = await db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.registrationId, added.id), eq(mailOutbox.template, 'registration-confirmed')));
      expect(mail).toHaveLength(1);
    });

    it('adds nobody and sends nothing when attendance is not open yet', async () => {
      const sessionId = await createOpenSession(db, workshopId, { startsAt: new Date(Date.now() + 2 * DAY) });
      const error = await refusal(addWalkIn(db, trainer, sessionId, { name: 'Too Early', email: 'too-early@example.org' }));
      expect(error.code).toBe('attendance_not_open');
      expect(await db.select().from(registrations).where(eq(registrations.sessionId, sessionId))).toHaveLength(0);
      expect(await db.select().from(mailOutbox).where(eq(mailOutbox.sessionId, sessionId))).toHaveLength(0);
      const [session] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
      expect(session!.confirmedCount).toBe(0);
    });

    it('refuses an email that already has a place, beside the field; officers may not add walk-ins', async () => {
      const { sessionId, ids } = await startedSession(1);
      const existing = await rowOf(ids[0]!);
      const error = await refusal(addWalkIn(db, trainer, sessionId, { name: 'Again', email: existing.email }));
      expect(error).toMatchObject({ status: 409, code: 'already_registered' });
      expect(error.fields?.email).toBeTruthy();
      expect((await refusal(addWalkIn(db, trainer, sessionId, { name: '', email: 'x' }))).fields).toMatchObject({ name: expect.any(String), email: expect.any(String) });
      expect((await refusal(addWalkIn(db, officer, sessionId, { name: 'Sneaky', email: 'sneaky@example.org' }))).status).toBe(403);
      expect(await db.select().from(registrations).where(eq(registrations.email, 'sneaky@example.org'))).toHaveLength(0);
    });
  });

  describe('the door list', () => {
    it('lists confirmed people by name with their attendance, and counts them', async () => {
      const sessionId = await createOpenSession(db, workshopId, { startsAt: new Date(Date.now() - HOUR), capacity: 4 });
      const add = (name: string, email: string) => registerForSession(db, trainer, sessionId, { name, email }, { allowOutsideWindow: true });
      const zoe = await add("Zoë O'Brien-Ånström", 'zoe@example.org');
      const lukasz = await add('Łukasz Żółć', 'lukasz@example.org');
      const alex = await add('alex rivera', 'alex@example.org');
      const nguyen = await add('Nguyễn Thị Minh Khai', 'nguyen@example.org');
      const cancelled = await add('Gone Away', 'gone@example.org');
      await cancelRegistration(db, cancelled.id, { actor: trainer });
      await recordAttendance(db, trainer, zoe.id, { status: 'attended' });
      await recordAttendance(db, trainer, lukasz.id, { status: 'partial', hours: 1.5 });
      await recordAttendance(db, trainer, alex.id, { status: 'absent' });

      const sheet = await getCheckInSheet(db, trainer, sessionId);
      expect(sheet.people.map((p) => p.name)).toEqual(['alex rivera', 'Łukasz Żółć', 'Nguyễn Thị Minh Khai', "Zoë O'Brien-Ånström"]);
      expect(sheet.people.find((p) => p.id === lukasz.id)).toMatchObject({ attendance: 'partial', attendedHours: 1.5 });
      expect(sheet.people.find((p) => p.id === nguyen.id)).toMatchObject({ attendance: null, attendedHours: null, attendanceRecordedAt: null });
      expect(sheet.counts).toEqual({ confirmed: 4, attended: 1, absent: 1, partial: 1, unmarked: 1 });
      expect(sheet.window).toEqual({ state: 'open' });
      expect(sheet.session.lengthHours).toBe(3);
      // Nothing the door does not need.
      expect(Object.keys(sheet.people[0]!).sort()).toEqual(['agency', 'attendance', 'attendanceRecordedAt', 'attendedHours', 'id', 'name']);

      const recorded = await attendanceOfSession(db, trainer, sessionId);
      expect(recorded.get(lukasz.id)).toEqual({ status: 'partial', hours: 1.5 });
      expect(recorded.get(zoe.id)).toEqual({ status: 'attended', hours: null });
      expect(recorded.has(nguyen.id)).toBe(false);
    });

    it('says when attendance opens, and is for trainers only', async () => {
      const startsAt = new Date(Date.now() + DAY);
      const sessionId = await createOpenSession(db, workshopId, { startsAt });
      expect((await getCheckInSheet(db, trainer, sessionId)).window).toEqual({ state: 'not_yet', opensAt: startsAt });
      expect((await refusal(getCheckInSheet(db, officer, sessionId))).status).toBe(403);
      expect((await refusal(getCheckInSheet(db, coordinator, sessionId))).status).toBe(403);
      expect((await refusal(getCheckInSheet(db, null, sessionId))).status).toBe(401);
      expect((await refusal(attendanceOfSession(db, officer, sessionId))).status).toBe(403);
      expect((await refusal(getCheckInSheet(db, trainer, '00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    });
  });
});
