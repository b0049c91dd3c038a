import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { registrations, trainingSessions } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOpenSession, createPublishedWorkshop, outboxFor } from '@/test/registration-fixtures';
import { emailManageLink } from './manage-link';
import { moveRegistration } from './move';
import { promoteRegistration } from './promote';
import { registerForSession } from './register';

describe.each(testDrivers)('moving, promoting and re-sending links on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let workshopId: string;
  let otherWorkshopId: string;

  const statusOf = async (id: string) => (await db.select().from(registrations).where(eq(registrations.id, id)))[0]!.status;
  const counters = async (id: string) =>
    (
      await db
        .select({ confirmed: trainingSessions.confirmedCount, waitlisted: trainingSessions.waitlistCount })
        .from(trainingSessions)
        .where(eq(trainingSessions.id, id))
    )[0];

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    workshopId = await createPublishedWorkshop(db, 'moves');
    otherWorkshopId = await createPublishedWorkshop(db, 'other-workshop', 'Another workshop');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('moves a confirmed place to another date: new place and invite there, old invite cancelled, its seat to the waitlist', async () => {
    const from = await createOpenSession(db, workshopId, { capacity: 1 });
    const to = await createOpenSession(db, workshopId, { capacity: 5, startsAt: new Date(Date.now() + 40 * 86_400_000) });
    const mover = await registerForSession(db, null, from, { name: 'Mo Ver', email: 'mover@example.org', agency: 'Springfield PD' });
    const waiting = await registerForSession(db, null, from, { name: 'Wai Ting', email: 'waiting@example.org' });
    expect(waiting.status).toBe('waitlisted');

    const moved = await moveRegistration(db, mover.id, { manageToken: mover.manageToken }, to);
    expect(moved.status).toBe('confirmed');
    expect(moved.id).not.toBe(mover.id);
    expect(await statusOf(mover.id)).toBe('cancelled');
    expect(await statusOf(waiting.id)).toBe('confirmed');
    expect(await counters(from)).toEqual({ confirmed: 1, waitlisted: 0 });
    expect(await counters(to)).toEqual({ confirmed: 1, waitlisted: 0 });
    const [row] = await db.select().from(registrations).where(eq(registrations.id, moved.id));
    expect(row).toMatchObject({ name: 'Mo Ver', email: 'mover@example.org', agency: 'Springfield PD' });

    const cancelled = (await outboxFor(db, from, ['registration-cancelled'])).filter((m) => m.toAddress === 'mover@example.org');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.props).toMatchObject({ by: 'moved', invite: { method: 'CANCEL' } });
    const confirmedThere = (await outboxFor(db, to, ['registration-confirmed'])).filter((m) => m.toAddress === 'mover@example.org');
    expect(confirmedThere).toHaveLength(1);
    expect(confirmedThere[0]!.props).toMatchObject({ reason: 'moved', invite: { method: 'REQUEST', sequence: 0 } });
    expect((await outboxFor(db, from, ['session-reminder'])).filter((m) => m.toAddress === 'mover@example.org')).toHaveLength(0);
  });

  it('refuses a move to another workshop, to the same session, or with a wrong token, and changes nothing', async () => {
    const from = await createOpenSession(db, workshopId);
    const elsewhere = await createOpenSession(db, otherWorkshopId);
    const person = await registerForSession(db, null, from, { name: 'Stay Put', email: 'stay@example.org' });
    expect((await refusal(moveRegistration(db, person.id, { manageToken: person.manageToken }, elsewhere))).code).toBe('different_workshop');
    expect((await refusal(moveRegistration(db, person.id, { manageToken: person.manageToken }, from))).code).toBe('same_session');
    expect((await refusal(moveRegistration(db, person.id, { manageToken: 'wrong' }, elsewhere))).status).toBe(404);
    expect(await statusOf(person.id)).toBe('confirmed');
    expect(await counters(elsewhere)).toEqual({ confirmed: 0, waitlisted: 0 });
  });

  it('waitlists a move into a full session, by the usual rules', async () => {
    const from = await createOpenSession(db, workshopId);
    const full = await createOpenSession(db, workshopId, { capacity: 1 });
    await registerForSession(db, null, full, { name: 'First', email: 'first.full@example.org' });
    const person = await registerForSession(db, null, from, { name: 'Late', email: 'late@example.org' });
    const moved = await moveRegistration(db, person.id, { manageToken: person.manageToken }, full);
    expect(moved).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await counters(from)).toEqual({ confirmed: 0, waitlisted: 0 });
  });

  it('lets a trainer promote a chosen person out of turn, and over capacity only on purpose', async () => {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 1 });
    await registerForSession(db, null, sessionId, { name: 'Seated', email: 'seated@example.org' });
    const first = await registerForSession(db, null, sessionId, { name: 'First', email: 'first.w@example.org' });
    const second = await registerForSession(db, null, sessionId, { name: 'Second', email: 'second.w@example.org' });

    expect((await refusal(promoteRegistration(db, trainer, second.id))).code).toBe('session_full');
    expect((await refusal(promoteRegistration(db, null, second.id))).status).toBe(401);
    expect((await refusal(promoteRegistration(db, { id: 'x', role: 'officer' }, second.id))).status).toBe(403);
    await promoteRegistration(db, trainer, second.id, { overbook: true });
    expect(await statusOf(second.id)).toBe('confirmed');
    expect(await statusOf(first.id)).toBe('waitlisted');
    expect(await counters(sessionId)).toEqual({ confirmed: 2, waitlisted: 1 });
    expect((await refusal(promoteRegistration(db, trainer, second.id, { overbook: true }))).code).toBe('not_waitlisted');
  });

  it('emails the manage link only to an address with a place, a few times an hour at most', async () => {
    const sessionId = await createOpenSession(db, workshopId);
    const person = await registerForSession(db, null, sessionId, { name: 'Forgetful', email: 'forgetful@example.org' });
    await emailManageLink(db, sessionId, 'nobody@example.org');
    await emailManageLink(db, sessionId, 'not an email');
    for (let i = 0; i < 5; i++) await emailManageLink(db, sessionId, 'Forgetful@Example.org');
    const links = await outboxFor(db, sessionId, ['registration-manage-link']);
    expect(links).toHaveLength(3);
    for (const m of links) {
      expect(m.toAddress).toBe('forgetful@example.org');
      expect(new URL(String(m.props.manageUrl)).searchParams.get('token')).toBe(person.manageToken);
    }
  });
});
