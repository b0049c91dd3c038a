import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { agencies, registrations, trainingSessions, users } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import type { TInviteSpec } from '@/lib/calendar/invite-spec';
import { registerForSession, type TRegistrationResult } from '@/lib/registrations/register';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOpenSession, createPublishedWorkshop, outboxFor } from '@/test/registration-fixtures';
import { cancelSession } from './cancel-session';
import { updateSession } from './sessions';

const HOUR = 3_600_000;

describe.each(testDrivers)('telling people about session changes on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let workshopId: string;

  /** A 5-seat session with 5 confirmed and 2 waitlisted. */
  async function fullSession() {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 5 });
    const people: (TRegistrationResult & { email: string })[] = [];
    for (let i = 0; i < 7; i++) {
      const email = `p${i}.${sessionId.slice(0, 8)}@example.org`;
      people.push({ ...(await registerForSession(db, null, sessionId, { name: `Person ${i}`, email })), email });
    }
    return { sessionId, people, confirmed: people.slice(0, 5), waitlisted: people.slice(5) };
  }

  async function session(sessionId: string) {
    const [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    return row!;
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    workshopId = await createPublishedWorkshop(db, 'changes');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('a move in time writes one updated invite per confirmed person, same UID and a higher SEQUENCE, and moves the reminders', async () => {
    const { sessionId, confirmed } = await fullSession();
    const before = await session(sessionId);
    const startsAt = new Date(before.startsAt.getTime() + 24 * HOUR);
    await updateSession(db, trainer, sessionId, { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString() });

    const changed = await outboxFor(db, sessionId, ['session-changed']);
    expect(changed.map((m) => m.toAddress).sort()).toEqual(confirmed.map((p) => p.email).sort());
    const firstInvites = await outboxFor(db, sessionId, ['registration-confirmed']);
    for (const mail of changed) {
      const invite = mail.props.invite as TInviteSpec;
      const original = firstInvites.find((m) => m.toAddress === mail.toAddress)!.props.invite as TInviteSpec;
      expect(invite).toMatchObject({ method: 'REQUEST', uid: original.uid, sequence: original.sequence + 1, startsAt: startsAt.toISOString() });
      expect(invite.attendee.email).toBe(mail.toAddress);
      expect(mail.props).toMatchObject({ previousWhen: expect.any(String), when: expect.any(String) });
      expect(mail.props.when).not.toBe(mail.props.previousWhen);
    }
    const reminders = await outboxFor(db, sessionId, ['session-reminder']);
    expect(reminders).toHaveLength(10);
    expect(new Set(reminders.map((m) => (startsAt.getTime() - m.dueAt.getTime()) / HOUR))).toEqual(new Set([168, 24]));
  });

  it('sends nothing when only the directions change, and plans reminders again when their times change', async () => {
    const { sessionId } = await fullSession();
    await updateSession(db, trainer, sessionId, { venue: { name: 'Training Room 2', address: '100 Main Street', directions: 'Use the side door' } });
    expect(await outboxFor(db, sessionId, ['session-changed'])).toHaveLength(0);
    expect((await session(sessionId)).sequence).toBe(0);

    const refused = await refusal(updateSession(db, trainer, sessionId, { firstReminderHours: 24, secondReminderHours: 48 }));
    expect(refused.fields?.secondReminderHours).toMatch(/closer to the start than the first/);
    expect(await outboxFor(db, sessionId, ['session-reminder'])).toHaveLength(10);

    await updateSession(db, trainer, sessionId, { firstReminderHours: null, secondReminderHours: 2 });
    const reminders = await outboxFor(db, sessionId, ['session-reminder']);
    const start = (await session(sessionId)).startsAt.getTime();
    expect(reminders).toHaveLength(5);
    for (const m of reminders) expect(start - m.dueAt.getTime()).toBe(2 * HOUR);
  });

  it('moves the waitlist up when capacity is raised, and refuses to go below the confirmed count', async () => {
    const { sessionId, waitlisted } = await fullSession();
    await updateSession(db, trainer, sessionId, { capacity: 6 });
    const [promoted] = await db.select().from(registrations).where(eq(registrations.id, waitlisted[0]!.id));
    expect(promoted!.status).toBe('confirmed');
    const confirmation = (await outboxFor(db, sessionId, ['registration-confirmed'])).filter((m) => m.toAddress === waitlisted[0]!.email);
    expect(confirmation).toHaveLength(1);
    expect(confirmation[0]!.props).toMatchObject({ reason: 'promoted' });
    expect(await session(sessionId)).toMatchObject({ confirmedCount: 6, waitlistCount: 1 });

    const error = await refusal(updateSession(db, trainer, sessionId, { capacity: 4 }));
    expect(error.status).toBe(422);
    expect(error.fields?.capacity).toMatch(/6 people are already confirmed/);
  });

  it('cancelling the session tells everyone once: METHOD:CANCEL to the confirmed, a note to the waitlisted, no reminders left', async () => {
    const { sessionId, confirmed, waitlisted } = await fullSession();
    await cancelSession(db, trainer, sessionId, { message: 'The trainer is unwell; we will reschedule.' });

    const mail = await outboxFor(db, sessionId, ['session-cancelled']);
    expect(mail).toHaveLength(7);
    for (const m of mail) expect(m.props).toMatchObject({ message: 'The trainer is unwell; we will reschedule.' });
    const withInvite = mail.filter((m) => m.props.invite);
    expect(withInvite.map((m) => m.toAddress).sort()).toEqual(confirmed.map((p) => p.email).sort());
    for (const m of withInvite) expect(m.props.invite).toMatchObject({ method: 'CANCEL', sequence: 1 });
    expect(mail.filter((m) => !m.props.invite).map((m) => m.toAddress).sort()).toEqual(waitlisted.map((p) => p.email).sort());

    expect((await outboxFor(db, sessionId, ['session-reminder'])).filter((m) => m.status === 'pending')).toHaveLength(0);
    const rows = await db.select().from(registrations).where(eq(registrations.sessionId, sessionId));
    expect(rows.every((r) => r.status === 'cancelled')).toBe(true);
    expect(await session(sessionId)).toMatchObject({ status: 'cancelled', confirmedCount: 0, waitlistCount: 0, sequence: 1 });

    // Cancelling again changes nothing and tells nobody twice.
    await cancelSession(db, trainer, sessionId);
    expect(await outboxFor(db, sessionId, ['session-cancelled'])).toHaveLength(7);
  });

  it('tells a joint session’s partner coordinators of a move and of the cancellation, and nobody else’s', async () => {
    const [partner] = await db.insert(agencies).values({ name: 'Riverside Police Department', kind: 'police_department' }).returning({ id: agencies.id });
    const [other] = await db.insert(agencies).values({ name: 'Hillcrest SO', kind: 'sheriffs_office' }).returning({ id: agencies.id });
    await db.insert(users).values([
      { email: 'coord.one@riverside.example', name: 'Dana Whitfield', role: 'coordinator', coordinatorAgencyId: partner!.id },
      { email: 'coord.two@riverside.example', role: 'coordinator', coordinatorAgencyId: partner!.id },
      { email: 'coord@hillcrest.example', role: 'coordinator', coordinatorAgencyId: other!.id },
      // No longer a coordinator: the agency link alone does not make them one.
      { email: 'former@riverside.example', role: 'officer', coordinatorAgencyId: partner!.id },
    ]);
    const sessionId = await createOpenSession(db, workshopId, { capacity: 5, partnerAgencyId: partner!.id });
    await registerForSession(db, null, sessionId, { name: 'Pat', email: 'pat@riverside.example' });
    const before = await session(sessionId);
    const startsAt = new Date(before.startsAt.getTime() + 48 * HOUR);
    await updateSession(db, trainer, sessionId, { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString() });
    await updateSession(db, trainer, sessionId, { venue: { name: 'Training Room 2', address: '100 Main Street', directions: 'Use the side door.' } });
    await cancelSession(db, trainer, sessionId, { message: 'Snow closes the roads.' });

    const notices = await outboxFor(db, sessionId, ['partner-session-update']);
    const sent = notices.map((m) => [m.toAddress, m.props.kind]).sort();
    expect(sent).toEqual([
      ['coord.one@riverside.example', 'cancelled'],
      ['coord.one@riverside.example', 'changed'],
      ['coord.two@riverside.example', 'cancelled'],
      ['coord.two@riverside.example', 'changed'],
    ]);
    const changed = notices.find((m) => m.props.kind === 'changed' && m.toAddress === 'coord.one@riverside.example')!;
    expect(changed.subject).toMatch(/^Changed: .+ \(joint with Riverside Police Department\)$/);
    expect(changed.props).toMatchObject({ name: 'Dana Whitfield', previousWhen: expect.stringMatching(/CS?T|CDT/) });
    expect(changed.props.when).not.toBe(changed.props.previousWhen);
    expect(notices.find((m) => m.props.kind === 'cancelled')!.props).toMatchObject({ message: 'Snow closes the roads.' });
  });

  it('refuses officers and strangers', async () => {
    const { sessionId } = await fullSession();
    expect((await refusal(cancelSession(db, null, sessionId))).status).toBe(401);
    expect((await refusal(cancelSession(db, { id: 'x', role: 'officer' }, sessionId))).status).toBe(403);
    expect((await session(sessionId)).status).toBe('scheduled');
  });
});
