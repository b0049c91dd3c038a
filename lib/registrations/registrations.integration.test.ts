import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { agencies, mailOutbox, registrations, trainingSessions, workshops } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import type { AppError } from '@/lib/errors/app-error';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOfficer, createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { cancelRegistration } from './cancel';
import { listRegistrationsForTrainer, waitlistPosition } from './queries';
import { registerForSession, type TRegistrationResult } from './register';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDrivers)('registrations on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let officer: TActor;
  let workshopId: string;

  const counters = async (sessionId: string) => {
    const [row] = await db
      .select({ confirmed: trainingSessions.confirmedCount, waitlisted: trainingSessions.waitlistCount })
      .from(trainingSessions)
      .where(eq(trainingSessions.id, sessionId));
    return row;
  };
  const rowsFor = (emailPattern: string) => db.select().from(registrations).where(like(registrations.email, emailPattern));
  /** Mail sent now; reminders wait in the same outbox and are checked on their own. */
  const mailFor = (emailPattern: string) =>
    db
      .select()
      .from(mailOutbox)
      .where(and(like(mailOutbox.toAddress, emailPattern), ne(mailOutbox.template, 'session-reminder')));
  const remindersFor = (emailPattern: string) =>
    db
      .select()
      .from(mailOutbox)
      .where(and(like(mailOutbox.toAddress, emailPattern), eq(mailOutbox.template, 'session-reminder')));

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    officer = await createOfficer(db);
    workshopId = await createPublishedWorkshop(db, 'trauma-informed-interviewing', 'Trauma-informed interviewing');
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('a 20-seat session under a rush of 200', () => {
    let sessionId: string;
    let results: (TRegistrationResult & { email: string })[];

    it('confirms exactly 20 and waitlists 180 at positions 1..180', async () => {
      sessionId = await createOpenSession(db, workshopId, { capacity: 20 });
      results = await Promise.all(
        Array.from({ length: 200 }, async (_, i) => {
          const email = `rush-${String(i).padStart(3, '0')}@example.org`;
          return { ...(await registerForSession(db, null, sessionId, { name: `Officer ${i}`, email })), email };
        }),
      );
      const confirmed = results.filter((r) => r.status === 'confirmed');
      const waitlisted = results.filter((r) => r.status === 'waitlisted');
      expect(confirmed).toHaveLength(20);
      expect(waitlisted).toHaveLength(180);
      expect(waitlisted.map((r) => r.waitlistPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
      expect(await counters(sessionId)).toEqual({ confirmed: 20, waitlisted: 180 });

      // The position told to each person is their rank in the stored waitlist.
      const roster = await listRegistrationsForTrainer(db, trainer, sessionId);
      const byId = new Map(roster.map((r) => [r.id, r]));
      for (const r of waitlisted) expect(byId.get(r.id)?.waitlistPosition).toBe(r.waitlistPosition);
      const sample = waitlisted.slice(0, 5);
      for (const r of sample) expect(await waitlistPosition(db, r.id)).toBe(r.waitlistPosition);
      expect(await waitlistPosition(db, confirmed[0]!.id)).toBeNull();
    });

    it('queues exactly one email per person, with the right template', async () => {
      const mail = await mailFor('rush-%');
      expect(mail).toHaveLength(200);
      const byAddress = new Map(mail.map((m) => [m.toAddress, m]));
      expect(byAddress.size).toBe(200);
      for (const r of results) {
        const m = byAddress.get(r.email)!;
        expect(m.template).toBe(r.status === 'confirmed' ? 'registration-confirmed' : 'registration-waitlisted');
        if (r.status === 'waitlisted') {
          expect(m.subject).toBe(`You're on the waitlist (number ${r.waitlistPosition}): Trauma-informed interviewing`);
          expect(m.props).toMatchObject({ position: r.waitlistPosition });
        } else {
          expect(m.subject).toMatch(/^You're booked: Trauma-informed interviewing, \w{3} \d+ \w{3}, .* C[SD]T$/);
        }
        expect(m.props).toMatchObject({ manageUrl: `http://localhost:3000/registrations/manage?token=${r.manageToken}` });
      }
    });

    it('plans the 7-day and 1-day reminders for the confirmed only, due before the start', async () => {
      const reminders = await remindersFor('rush-%');
      const confirmedEmails = results.filter((r) => r.status === 'confirmed').map((r) => r.email);
      expect(reminders).toHaveLength(40);
      expect(new Set(reminders.map((m) => m.toAddress))).toEqual(new Set(confirmedEmails));
      const [session] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
      const hoursBefore = reminders.map((m) => (session!.startsAt.getTime() - m.dueAt.getTime()) / 3_600_000);
      expect(new Set(hoursBefore)).toEqual(new Set([168, 24]));
    });

    it('promotes the first 20 on the waitlist, each once, when 20 confirmed people cancel at once', async () => {
      const confirmed = results.filter((r) => r.status === 'confirmed');
      const firstTwenty = results
        .filter((r) => r.status === 'waitlisted' && r.waitlistPosition <= 20)
        .sort((a, b) => (a.status === 'waitlisted' && b.status === 'waitlisted' ? a.waitlistPosition - b.waitlistPosition : 0));
      const cancellations = await Promise.all(
        confirmed.map((r, i) => cancelRegistration(db, r.id, i % 2 === 0 ? { manageToken: r.manageToken } : { actor: trainer })),
      );
      const promoted = cancellations.flatMap((c) => c.promotedIds);
      expect(promoted).toHaveLength(20);
      expect(new Set(promoted).size).toBe(20);
      expect(new Set(promoted)).toEqual(new Set(firstTwenty.map((r) => r.id)));
      expect(await counters(sessionId)).toEqual({ confirmed: 20, waitlisted: 160 });

      const roster = await listRegistrationsForTrainer(db, trainer, sessionId);
      expect(roster.filter((r) => r.status === 'confirmed').map((r) => r.id).sort()).toEqual(firstTwenty.map((r) => r.id).sort());
      const stillWaiting = roster.filter((r) => r.status === 'waitlisted');
      expect(stillWaiting.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));
      // Everyone moved up by 20 and kept their order.
      const told = new Map(results.map((r) => [r.id, r.status === 'waitlisted' ? r.waitlistPosition : 0]));
      for (const r of stillWaiting) expect(r.waitlistPosition).toBe(told.get(r.id)! - 20);
      expect(roster.filter((r) => r.status === 'cancelled')).toHaveLength(20);

      const promotedMail = await db
        .select()
        .from(mailOutbox)
        .where(and(inArray(mailOutbox.toAddress, firstTwenty.map((r) => r.email)), eq(mailOutbox.template, 'registration-confirmed')));
      expect(promotedMail.map((m) => m.toAddress).sort()).toEqual(firstTwenty.map((r) => r.email).sort());
    });

    it('keeps one manage link for the life of a registration: the waitlist link works after promotion', async () => {
      const first = results.find((r) => r.status === 'waitlisted' && r.waitlistPosition === 1)!;
      const [mail] = await db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.toAddress, first.email), eq(mailOutbox.template, 'registration-confirmed')));
      expect(mail!.props).toMatchObject({ reason: 'promoted' });
      expect(new URL(String(mail!.props.manageUrl)).searchParams.get('token')).toBe(first.manageToken);
      expect(await remindersFor(first.email)).toHaveLength(2);
      const result = await cancelRegistration(db, first.id, { manageToken: first.manageToken });
      expect(result).toMatchObject({ status: 'cancelled', changed: true });
      expect(result.promotedIds).toHaveLength(1);
      expect(await counters(sessionId)).toEqual({ confirmed: 20, waitlisted: 159 });
      // Their reminders are withdrawn; they are told with a cancellation of the invite.
      expect(await remindersFor(first.email)).toHaveLength(0);
      const [cancelled] = await db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.toAddress, first.email), eq(mailOutbox.template, 'registration-cancelled')));
      expect(cancelled!.props).toMatchObject({ by: 'self', wasConfirmed: true, invite: { method: 'CANCEL', sequence: 1 } });
    });
  });

  it('leaves no registration, no mail and no taken seat when the one-statement seat fails at its last step', async () => {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 5 });
    // A real failure inside the statement: the outbox refuses this address, after the seat and the
    // registration were written by the same statement.
    await db.execute(sql`
      create or replace function refuse_rollback_mail() returns trigger language plpgsql as $$
      begin
        if new.to_address = 'rollback-one@example.org' then raise exception 'outbox refused'; end if;
        return new;
      end $$`);
    await db.execute(sql`create trigger refuse_rollback_mail before insert on mail_outbox for each row execute function refuse_rollback_mail()`);
    try {
      await expect(registerForSession(db, null, sessionId, { name: 'Roll Back', email: 'rollback-one@example.org' })).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger refuse_rollback_mail on mail_outbox`);
    }
    expect(await rowsFor('rollback-one@%')).toEqual([]);
    expect(await mailFor('rollback-one@%')).toEqual([]);
    expect(await counters(sessionId)).toEqual({ confirmed: 0, waitlisted: 0 });
  });

  it('leaves no registration, no mail and no taken place when the waitlist transaction rolls back', async () => {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 1 });
    await registerForSession(db, null, sessionId, { name: 'Seated', email: 'seated-before-rollback@example.org' });
    const failure = new Error('something failed after the insert');
    // The real database, except that every transaction fails once its work is done.
    const failing = Object.create(db, {
      transaction: {
        value: (work: (tx: Db) => Promise<unknown>) =>
          db.transaction(async (tx) => {
            await work(tx);
            expect(await tx.select().from(registrations).where(eq(registrations.email, 'rollback@example.org'))).toHaveLength(1);
            throw failure;
          }),
      },
    }) as Db;
    await expect(registerForSession(failing, null, sessionId, { name: 'Roll Back', email: 'rollback@example.org' })).rejects.toBe(failure);
    expect(await rowsFor('rollback@%')).toEqual([]);
    expect(await mailFor('rollback@%')).toEqual([]);
    expect(await counters(sessionId)).toEqual({ confirmed: 1, waitlisted: 0 });
  });

  it('keeps a typed agency that names a partner agency as a claim to it, on both paths, and leaves others unlinked', async () => {
    const [agency] = await db.insert(agencies).values({ name: 'Riverside Police Department', kind: 'police_department' }).returning();
    const sessionId = await createOpenSession(db, workshopId, { capacity: 1 });
    const seated = await registerForSession(db, null, sessionId, { name: 'A', email: 'linked-a@example.org', agency: ' riverside police department' });
    const waiting = await registerForSession(db, null, sessionId, { name: 'B', email: 'linked-b@example.org', agency: 'RIVERSIDE POLICE DEPARTMENT' });
    const other = await registerForSession(db, null, sessionId, { name: 'C', email: 'linked-c@example.org', agency: 'Riverside Fire' });
    expect([seated.status, waiting.status]).toEqual(['confirmed', 'waitlisted']);
    const rows = await db.select().from(registrations).where(inArray(registrations.id, [seated.id, waiting.id, other.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(seated.id)).toMatchObject({ claimedAgencyId: agency!.id, agency: 'riverside police department' });
    expect(byId.get(waiting.id)!.claimedAgencyId).toBe(agency!.id);
    expect(byId.get(other.id)!.claimedAgencyId).toBeNull();
  });

  it('refuses a cancelled session and creates nothing', async () => {
    const sessionId = await createOpenSession(db, workshopId, { status: 'cancelled' });
    const error = await refusal(registerForSession(db, null, sessionId, { name: 'Late', email: 'cancelled-session@example.org' }));
    expect([error.status, error.code]).toEqual([409, 'session_cancelled']);
    expect(await rowsFor('cancelled-session@%')).toEqual([]);
    expect(await mailFor('cancelled-session@%')).toEqual([]);
  });

  it('refuses an unknown session, and a session of an unpublished workshop to the public', async () => {
    expect((await refusal(registerForSession(db, null, randomUUID(), { name: 'A', email: 'nobody@example.org' }))).status).toBe(404);
    expect((await refusal(registerForSession(db, null, 'not-a-uuid', { name: 'A', email: 'nobody@example.org' }))).status).toBe(404);
    const [draft] = await db.insert(workshops).values({ slug: 'draft-only', title: 'Draft' }).returning({ id: workshops.id });
    const sessionId = await createOpenSession(db, draft!.id);
    expect((await refusal(registerForSession(db, null, sessionId, { name: 'A', email: 'draft@example.org' }))).status).toBe(404);
    expect((await registerForSession(db, trainer, sessionId, { name: 'A', email: 'draft@example.org' })).status).toBe('confirmed');
  });

  it('refuses the same email twice in one session, whatever its case, and creates nothing', async () => {
    const sessionId = await createOpenSession(db, workshopId);
    await registerForSession(db, null, sessionId, { name: 'Dana', email: 'Dana.Duplicate@Example.org' });
    const error = await refusal(registerForSession(db, null, sessionId, { name: 'Dana again', email: '  dana.duplicate@example.ORG ' }));
    expect([error.status, error.code]).toEqual([409, 'already_registered']);
    // Nothing about the place is said to the caller; its owner is emailed the link to it.
    expect(error.message).toBe('This email address is already registered for this session. We have emailed its manage link to that address.');
    expect(await rowsFor('dana.duplicate@%')).toHaveLength(1);
    expect((await mailFor('dana.duplicate@%')).map((m) => m.template).sort()).toEqual(['registration-confirmed', 'registration-manage-link']);
    expect(await counters(sessionId)).toEqual({ confirmed: 1, waitlisted: 0 });
  });

  it('lets only one of several simultaneous requests with the same email through (the unique index)', async () => {
    const sessionId = await createOpenSession(db, workshopId);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => registerForSession(db, null, sessionId, { name: 'Racer', email: 'racer@example.org' })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as AppError).code).toBe('already_registered');
    expect(await rowsFor('racer@%')).toHaveLength(1);
    // Seven refusals, and the owner's inbox gets the manage link three times an hour at most.
    expect((await mailFor('racer@%')).map((m) => m.template).sort()).toEqual([
      'registration-confirmed',
      'registration-manage-link',
      'registration-manage-link',
      'registration-manage-link',
    ]);
    expect(await counters(sessionId)).toEqual({ confirmed: 1, waitlisted: 0 });
  });

  it('refuses outside the registration window, unless a trainer says so', async () => {
    const closed = await createOpenSession(db, workshopId, { registrationClosesAt: new Date(Date.now() - 60_000) });
    const notYet = await createOpenSession(db, workshopId, { registrationOpensAt: new Date(Date.now() + DAY) });
    const started = await createOpenSession(db, workshopId, { startsAt: new Date(Date.now() - 60_000), registrationOpensAt: new Date(Date.now() - DAY), registrationClosesAt: new Date(Date.now() + DAY) });
    for (const sessionId of [closed, notYet, started]) {
      const error = await refusal(registerForSession(db, null, sessionId, { name: 'Late', email: 'window@example.org' }));
      expect([error.status, error.code]).toEqual([409, 'registration_closed']);
    }
    expect((await refusal(registerForSession(db, officer, closed, { name: 'Late', email: 'window@example.org' }, { allowOutsideWindow: true }))).status).toBe(403);
    expect(await rowsFor('window@%')).toEqual([]);
    const walkIn = await registerForSession(db, trainer, closed, { name: 'Walk In', email: 'window@example.org' }, { allowOutsideWindow: true });
    expect(walkIn.status).toBe('confirmed');
  });

  it('ignores a status sent in the input, and lets a trainer overbook on purpose', async () => {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 1 });
    await registerForSession(db, null, sessionId, { name: 'First', email: 'full-1@example.org' });
    const sneaky = await registerForSession(db, null, sessionId, { name: 'Sneaky', email: 'full-2@example.org', status: 'confirmed', confirmedAt: new Date() });
    expect(sneaky).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const [row] = await rowsFor('full-2@%');
    expect(row).toMatchObject({ status: 'waitlisted', confirmedAt: null });
    // A seat for the trainer's guest, beyond capacity, without jumping anyone off the waitlist.
    const extra = await registerForSession(db, trainer, sessionId, { name: 'Guest', email: 'full-3@example.org' }, { allowOverbook: true });
    expect(extra.status).toBe('confirmed');
    expect(await counters(sessionId)).toEqual({ confirmed: 2, waitlisted: 1 });
    expect((await refusal(registerForSession(db, null, sessionId, { name: 'X', email: 'full-4@example.org' }, { allowOverbook: true }))).status).toBe(401);
  });

  it('cancels with the manage token, refuses a wrong one with 404, and then allows registering again', async () => {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 1 });
    const mine = await registerForSession(db, null, sessionId, { name: 'Casey', email: 'casey@example.org' });
    const waiting = await registerForSession(db, null, sessionId, { name: 'Wren', email: 'wren@example.org' });
    expect((await refusal(cancelRegistration(db, mine.id, { manageToken: 'wrong' }))).status).toBe(404);
    expect((await refusal(cancelRegistration(db, mine.id, { manageToken: waiting.manageToken }))).status).toBe(404);
    expect((await refusal(cancelRegistration(db, mine.id, { actor: officer }))).status).toBe(403);
    expect((await refusal(cancelRegistration(db, randomUUID(), { actor: trainer }))).status).toBe(404);

    // Leaving the waitlist frees no seat and promotes nobody.
    expect((await cancelRegistration(db, waiting.id, { manageToken: waiting.manageToken })).promotedIds).toEqual([]);
    expect(await counters(sessionId)).toEqual({ confirmed: 1, waitlisted: 0 });

    const result = await cancelRegistration(db, mine.id, { manageToken: mine.manageToken });
    expect(result).toEqual({ id: mine.id, status: 'cancelled', changed: true, promotedIds: [] });
    expect((await cancelRegistration(db, mine.id, { manageToken: mine.manageToken })).changed).toBe(false);
    expect(await counters(sessionId)).toEqual({ confirmed: 0, waitlisted: 0 });
    expect((await registerForSession(db, null, sessionId, { name: 'Casey', email: 'casey@example.org' })).status).toBe('confirmed');
  });

  it('lists a roster only for trainers', async () => {
    const sessionId = await createOpenSession(db, workshopId);
    expect((await refusal(listRegistrationsForTrainer(db, officer, sessionId))).status).toBe(403);
    expect((await refusal(listRegistrationsForTrainer(db, null, sessionId))).status).toBe(401);
    expect((await refusal(listRegistrationsForTrainer(db, trainer, randomUUID()))).status).toBe(404);
  });
});
