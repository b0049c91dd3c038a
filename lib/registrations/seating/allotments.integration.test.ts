import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { openDatabase } from '@/db/client';
import { registrations, sessionAllotments, trainingSessions, users } from '@/db/schema';
import { listAgencyUpcomingSessions } from '@/lib/agencies/agency-sessions';
import { createAgency } from '@/lib/agencies/agencies';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { cancelRegistration } from '@/lib/registrations/cancel';
import { promoteRegistration } from '@/lib/registrations/promote';
import { registerForSession } from '@/lib/registrations/register';
import { createSession, getSessionForTrainer, updateSession } from '@/lib/sessions/sessions';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createPublishedWorkshop, outboxFor } from '@/test/registration-fixtures';
import { releaseDueAllotments } from './release';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDrivers)('seats reserved per agency on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let springfield: string;
  let shelbyville: string;
  let workshopId: string;
  let n = 0;
  const session = async (values: Record<string, unknown>) =>
    (
      await createSession(db, trainer, workshopId, {
        startsAt: new Date(Date.now() + (30 + ++n) * DAY).toISOString(),
        endsAt: new Date(Date.now() + (30 + n) * DAY + 3 * 3600_000).toISOString(),
        timeZone: 'America/Chicago',
        venue: { name: 'Training Room 2', address: '100 Main Street', directions: '', accessibility: '' },
        requireEmailConfirmation: false,
        maxRegistrationsPerAddress: null,
        ...values,
      })
    ).id;
  const member = () => ({ name: `Member ${++n}`, email: `member${n}@springfieldpd.gov` });
  const outsider = () => ({ name: `Outsider ${++n}`, email: `outsider${n}@example.org` });
  const register = async (sessionId: string, person: { name: string; email: string }) => {
    const result = await registerForSession(db, null, sessionId, person);
    const [row] = await db.select().from(registrations).where(eq(registrations.id, result.id));
    return row!;
  };
  const counts = async (sessionId: string) => {
    const [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    const allotments = await db.select().from(sessionAllotments).where(eq(sessionAllotments.sessionId, sessionId));
    return { confirmed: row!.confirmedCount, waitlisted: row!.waitlistCount, taken: Object.fromEntries(allotments.map((a) => [a.agencyId, a.taken])) };
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'allotment-trainer@example.org');
    springfield = (await createAgency(db, trainer, { name: 'Springfield PD', kind: 'police_department', emailDomains: ['springfieldpd.gov'] })).id;
    shelbyville = (await createAgency(db, trainer, { name: 'Shelbyville SO', kind: 'sheriffs_office', emailDomains: ['shelbyvilleso.gov'] })).id;
    workshopId = await createPublishedWorkshop(db, `allotments-${driver}`, 'Joint investigations');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('seats a member in their agency’s reserved seats first, then open ones; nobody else takes a reserved seat', async () => {
    const id = await session({ capacity: 4, allotments: [{ agencyId: springfield, seats: 2 }] });
    const first = await register(id, outsider());
    const second = await register(id, outsider());
    const third = await register(id, outsider());
    expect([first.status, second.status, third.status]).toEqual(['confirmed', 'confirmed', 'waitlisted']);

    const members = [await register(id, member()), await register(id, member()), await register(id, member())];
    expect(members.map((m) => [m.status, m.inReservedSeat, m.allotmentAgencyId])).toEqual([
      ['confirmed', true, springfield],
      ['confirmed', true, springfield],
      ['waitlisted', false, springfield],
    ]);
    expect(await counts(id)).toEqual({ confirmed: 4, waitlisted: 2, taken: { [springfield]: 2 } });

    const dto = await getSessionForTrainer(db, trainer, id);
    expect(dto.allotments).toEqual([{ agencyId: springfield, agencyName: 'Springfield PD', seats: 2, taken: 2, held: 0, free: 0 }]);
    expect(dto.allotmentsReleased).toBe(false);
    // Seven days before the start, by default.
    expect(Date.parse(dto.startsAt) - Date.parse(dto.allotmentsReleaseAt!)).toBe(7 * DAY);
  });

  it('gives a freed reserved seat to the agency’s first person waiting, and a freed open seat to whoever waits longest', async () => {
    const id = await session({ capacity: 3, allotments: [{ agencyId: springfield, seats: 1 }] });
    const open = [await register(id, outsider()), await register(id, outsider())];
    const reserved = await register(id, member());
    const waitingOutsider = await register(id, outsider());
    const waitingMember = await register(id, member());
    expect([waitingOutsider.status, waitingMember.status]).toEqual(['waitlisted', 'waitlisted']);

    await cancelRegistration(db, reserved.id, { actor: trainer });
    const after = await db.select().from(registrations).where(eq(registrations.sessionId, id));
    const byId = new Map(after.map((r) => [r.id, r]));
    expect(byId.get(waitingMember.id)).toMatchObject({ status: 'confirmed', inReservedSeat: true });
    expect(byId.get(waitingOutsider.id)?.status).toBe('waitlisted');

    await cancelRegistration(db, open[0]!.id, { actor: trainer });
    const [promoted] = await db.select().from(registrations).where(eq(registrations.id, waitingOutsider.id));
    expect(promoted).toMatchObject({ status: 'confirmed', inReservedSeat: false });
    expect(await counts(id)).toEqual({ confirmed: 3, waitlisted: 0, taken: { [springfield]: 1 } });
  });

  it('keeps a reserved seat free for the agency rather than give it to someone else waiting', async () => {
    const id = await session({ capacity: 2, allotments: [{ agencyId: springfield, seats: 1 }] });
    await register(id, outsider());
    const waiting = await register(id, outsider());
    expect(waiting.status).toBe('waitlisted');
    // A trainer can still promote them, but only beyond the seats kept for the agency on purpose.
    expect((await refusal(promoteRegistration(db, trainer, waiting.id))).code).toBe('session_full');
    const late = await register(id, member());
    expect(late).toMatchObject({ status: 'confirmed', inReservedSeat: true });
  });

  it('releases unused reserved seats at the release date in one step, moving the waitlist once', async () => {
    const releaseAt = new Date(Date.now() + 5 * DAY);
    const id = await session({ capacity: 4, allotments: [{ agencyId: springfield, seats: 3 }], allotmentsReleaseAt: releaseAt.toISOString() });
    await register(id, member());
    await register(id, outsider());
    const waiting = [await register(id, outsider()), await register(id, outsider()), await register(id, outsider())];
    expect(waiting.map((w) => w.status)).toEqual(['waitlisted', 'waitlisted', 'waitlisted']);

    expect(await releaseDueAllotments(db, new Date(releaseAt.getTime() - 1000))).toBe(0);
    const later = new Date(releaseAt.getTime() + 1000);
    expect(await releaseDueAllotments(db, later)).toBe(1);
    expect(await releaseDueAllotments(db, later)).toBe(0);

    const statuses = await db.select({ id: registrations.id, status: registrations.status }).from(registrations).where(eq(registrations.sessionId, id));
    const statusOf = new Map(statuses.map((s) => [s.id, s.status]));
    expect(waiting.map((w) => statusOf.get(w.id))).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    for (const person of waiting.slice(0, 2)) {
      const mail = (await outboxFor(db, id, ['registration-confirmed'])).filter((m) => m.toAddress === person.email);
      expect(mail).toHaveLength(1);
    }
    const dto = await getSessionForTrainer(db, trainer, id);
    expect(dto.allotmentsReleased).toBe(true);
    expect(dto.allotments[0]).toMatchObject({ seats: 3, taken: 1, free: 0 });
  });

  it('counts people already registered into a new allotment, and refuses one the open seats cannot hold', async () => {
    const id = await session({ capacity: 10 });
    for (let i = 0; i < 3; i++) await register(id, member());
    for (let i = 0; i < 5; i++) await register(id, outsider());
    await updateSession(db, trainer, id, { allotments: [{ agencyId: springfield, seats: 4 }] });
    expect((await getSessionForTrainer(db, trainer, id)).allotments[0]).toMatchObject({ seats: 4, taken: 3, free: 1 });

    const tooMany = await refusal(updateSession(db, trainer, id, { allotments: [{ agencyId: springfield, seats: 4 }, { agencyId: shelbyville, seats: 3 }] }));
    expect(tooMany.fields?.allotments).toBe('5 people already hold open seats, so at most 5 of the 10 seats can be reserved.');
    // Nothing of the refused change was kept.
    expect((await getSessionForTrainer(db, trainer, id)).allotments.map((a) => a.agencyName)).toEqual(['Springfield PD']);

    const overCapacity = await refusal(updateSession(db, trainer, id, { allotments: [{ agencyId: springfield, seats: 11 }] }));
    expect(overCapacity.fields?.allotments).toBe('The reserved seats add up to 11, more than the capacity of 10.');
    const afterStart = await refusal(updateSession(db, trainer, id, { allotmentsReleaseAt: new Date(Date.now() + 400 * DAY).toISOString() }));
    expect(afterStart.fields?.allotmentsReleaseAt).toBe('Release the reserved seats before the session starts.');

    // Removing the allotment leaves everyone seated, in open seats.
    await updateSession(db, trainer, id, { allotments: [] });
    const dto = await getSessionForTrainer(db, trainer, id);
    expect([dto.allotments, dto.allotmentsReleaseAt, dto.confirmedCount]).toEqual([[], null, 8]);
    const inReserved = await db.select().from(registrations).where(and(eq(registrations.sessionId, id), eq(registrations.inReservedSeat, true)));
    expect(inReserved).toEqual([]);
  });

  it('shows a coordinator their agency’s reserved seats in upcoming sessions open to it, and nobody else’s', async () => {
    const id = await session({ capacity: 6, allotments: [{ agencyId: springfield, seats: 3 }, { agencyId: shelbyville, seats: 2 }] });
    await register(id, member());
    await register(id, outsider());
    const [row] = await db.insert(users).values({ email: `coord${++n}@springfieldpd.gov`, role: 'coordinator', coordinatorAgencyId: springfield }).returning({ id: users.id });
    const { sessions } = await listAgencyUpcomingSessions(db, { id: row!.id, role: 'coordinator' });
    const seen = sessions.items.find((s) => s.sessionId === id);
    expect(seen).toMatchObject({ openAs: 'public', allotment: { seats: 3, taken: 1, held: 0, free: 2 }, booked: 1, waitlisted: 0, released: false });
    expect(seen?.releasesAt).toMatch(/ C[SD]T$/);
    // An officer is no coordinator.
    expect((await refusal(listAgencyUpcomingSessions(db, { id: row!.id, role: 'officer' }))).status).toBe(403);
  });

  it('never exceeds capacity or an allotment when 300 people register at once', async () => {
    const id = await session({ capacity: 20, allotments: [{ agencyId: springfield, seats: 8 }] });
    // On PostgreSQL, a third of the requests come through a second handle: another instance of Muster.
    const other = database.url ? await openDatabase({ driver: 'postgres', url: database.url, maxConnections: 10 }) : undefined;
    try {
      const people = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? member() : outsider()));
      const results = await Promise.all(
        people.map((person, i) => registerForSession(other && i % 3 === 0 ? other.db : db, null, id, person)),
      );
      const rows = await db.select().from(registrations).where(eq(registrations.sessionId, id));
      const confirmed = rows.filter((r) => r.status === 'confirmed');
      expect(confirmed).toHaveLength(20);
      expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(20);
      const membersConfirmed = confirmed.filter((r) => r.email.endsWith('@springfieldpd.gov'));
      expect(confirmed.filter((r) => r.inReservedSeat)).toHaveLength(8);
      expect(confirmed.filter((r) => r.inReservedSeat).every((r) => r.email.endsWith('@springfieldpd.gov'))).toBe(true);
      // Members beyond the 8 reserved ones took open seats in arrival order, like anyone else.
      expect(membersConfirmed.length).toBeGreaterThanOrEqual(8);
      expect(membersConfirmed.length - 8).toBe(confirmed.filter((r) => !r.inReservedSeat && r.email.endsWith('@springfieldpd.gov')).length);
      const positions = results.flatMap((r) => (r.status === 'waitlisted' ? [r.waitlistPosition] : []));
      expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 280 }, (_, i) => i + 1));
      expect(await counts(id)).toEqual({ confirmed: 20, waitlisted: 280, taken: { [springfield]: 8 } });
    } finally {
      await other?.close();
    }
  });
});
