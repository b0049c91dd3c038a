import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { agencies, registrations, trainingSessions } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { getAuthSecret } from '@/lib/config/auth-secret';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { personalFeedOwnerEmail } from '@/lib/calendar-feeds/owner';
import { cancelRegistration } from './cancel';
import { getManageView, listAgencyNamesForRegistration, listMyRegistrations } from './manage-view';
import { registerForSession } from './register';
import { hashManageToken, manageTokenFor, openManageLink } from './tokens';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe.each(testDrivers)('manage view on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let workshopId: string;
  let otherWorkshopId: string;
  let counter = 0;

  /** Distinct start times (a minute apart) keep the order of move targets predictable. */
  const createSession = (values: Partial<typeof trainingSessions.$inferInsert> = {}, startsIn = 30 * DAY) =>
    createOpenSession(db, workshopId, { startsAt: new Date(Date.now() + startsIn + ++counter * 60_000), ...values });

  const person = (tag: string, extra: Record<string, string> = {}) => ({ name: `Officer ${tag}`, email: `${tag}@example.org`, ...extra });

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    workshopId = await createPublishedWorkshop(db, 'recognising-abuse', 'Recognising signs of abuse');
    otherWorkshopId = await createPublishedWorkshop(db, 'talking-with-children', 'Talking with children');
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('manage links', () => {
    it('stop working 30 days after the session ends, showing nothing personal', async () => {
      const sessionId = await createSession();
      const { id, manageToken } = await registerForSession(db, null, sessionId, person('old-link'));
      const [session] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
      const endsAt = session!.endsAt.getTime();

      expect(await openManageLink(db, manageToken, new Date(endsAt + 29 * DAY))).toEqual({ kind: 'valid', registrationId: id });
      expect(await openManageLink(db, manageToken, new Date(endsAt + 31 * DAY))).toEqual({ kind: 'expired' });
      expect(await getManageView(db, manageToken, new Date(endsAt + 31 * DAY))).toBeNull();
      const mine = await listMyRegistrations(db, 'old-link@example.org', new Date(endsAt + 31 * DAY));
      expect(mine.past).toEqual([expect.objectContaining({ id, manageToken: null })]);
    });

    it('cannot cancel a place, or prove who is asking for a calendar feed, once expired', async () => {
      const sessionId = await createSession();
      const { id, manageToken } = await registerForSession(db, null, sessionId, person('expired-cancel'));
      await db
        .update(trainingSessions)
        .set({ startsAt: new Date(Date.now() - 40 * DAY), endsAt: new Date(Date.now() - 40 * DAY + 3 * HOUR) })
        .where(eq(trainingSessions.id, sessionId));
      await expect(cancelRegistration(db, id, { manageToken })).rejects.toThrow(/expired/);
      await expect(personalFeedOwnerEmail(db, { manageToken })).rejects.toThrow(/no longer works/);
    });

    it('name their registration, so a link made for one place never opens another', async () => {
      const sessionId = await createSession();
      const first = await registerForSession(db, null, sessionId, person('link-a'));
      const second = await registerForSession(db, null, sessionId, person('link-b'));
      const [firstId, signature] = [first.manageToken.slice(0, 22), first.manageToken.slice(23)];
      const secondId = second.manageToken.slice(0, 22);
      expect(first.manageToken).toBe(`${firstId}.${signature}`);
      expect(await openManageLink(db, `${secondId}.${signature}`)).toEqual({ kind: 'unknown' });
      expect(await openManageLink(db, `${firstId}.${signature.slice(0, -2)}xx`)).toEqual({ kind: 'unknown' });
    });

    it('sent before links named their key keep working while AUTH_SECRET is accepted', async () => {
      const sessionId = await createSession();
      const { id } = await registerForSession(db, null, sessionId, person('legacy-link'));
      // As Muster made and stored them before: a bare HMAC of the id, found by its hash.
      const legacy = createHmac('sha256', getAuthSecret()).update(`registration-manage\u0000${id}`, 'utf8').digest('base64url');
      await db.update(registrations).set({ manageTokenHash: hashManageToken(legacy) }).where(eq(registrations.id, id));
      expect(await openManageLink(db, legacy)).toEqual({ kind: 'valid', registrationId: id });
      // Another last character (one in 64 tokens already ends in A).
      const tampered = `${legacy.slice(0, -1)}${legacy.endsWith('A') ? 'B' : 'A'}`;
      expect(await openManageLink(db, tampered)).toEqual({ kind: 'unknown' });
    });
  });

  describe('getManageView', () => {
    it('finds nothing, and shows no one, for an unknown, empty or oversized token', async () => {
      const sessionId = await createSession();
      await registerForSession(db, null, sessionId, person('nobody-sees'));
      expect(await getManageView(db, 'not-a-token')).toBeNull();
      expect(await getManageView(db, '')).toBeNull();
      expect(await getManageView(db, 'x'.repeat(10_000))).toBeNull();
    });

    it('shows a confirmed place: the person, the session with its joining link, and that it can change', async () => {
      const [agency] = await db.insert(agencies).values({ name: 'Riverside Police Department', kind: 'police_department' }).returning();
      const sessionId = await createSession({ venueAddress: '1 Main St', onlineUrl: 'https://meet.example.org/abc', partnerAgencyId: agency!.id });
      const details = { agency: 'Riverside PD', badgeNumber: '4471', role: 'Detective', accessNeeds: 'Step-free access' };
      const { id, manageToken } = await registerForSession(db, null, sessionId, person('Confirmed-One', details));

      const view = await getManageView(db, manageToken);
      expect(view).not.toBeNull();
      // Badge and access needs are never shown back to whoever holds the link: only that they were given.
      expect(view!.registration).toEqual({
        id,
        name: 'Officer Confirmed-One',
        email: 'confirmed-one@example.org',
        agency: 'Riverside PD',
        role: 'Detective',
        hasBadgeNumber: true,
        hasAccessNeeds: true,
        status: 'confirmed',
        waitlistPosition: null,
      });
      expect(JSON.stringify(view)).not.toContain('4471');
      expect(JSON.stringify(view)).not.toContain('Step-free access');
      expect(view!.session).toMatchObject({
        id: sessionId,
        workshop: { id: workshopId, slug: 'recognising-abuse', title: 'Recognising signs of abuse' },
        timeZone: 'America/Chicago',
        status: 'scheduled',
        venue: { name: 'Training Room 2', address: '1 Main St' },
        online: true,
        onlineUrl: 'https://meet.example.org/abc',
        partnerAgencyName: 'Riverside Police Department',
      });
      expect(view!.changeable).toBe(true);
    });

    it('shows a waitlisted place with its current position, and no joining link', async () => {
      const sessionId = await createSession({ capacity: 1, onlineUrl: 'https://meet.example.org/full' });
      const first = await registerForSession(db, null, sessionId, person('wl-first'));
      await registerForSession(db, null, sessionId, person('wl-second'));
      const third = await registerForSession(db, null, sessionId, person('wl-third'));
      expect(third.status).toBe('waitlisted');

      let view = await getManageView(db, third.manageToken);
      expect(view!.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
      expect(view!.session.online).toBe(true);
      expect(view!.session.onlineUrl).toBeNull();

      // The person ahead is promoted when the seat frees: the position is read anew, not stored.
      await cancelRegistration(db, first.id, { manageToken: first.manageToken });
      view = await getManageView(db, third.manageToken);
      expect(view!.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    });

    it('shows a cancelled place as cancelled, with nothing left to change', async () => {
      const sessionId = await createSession();
      await createSession();
      const { id, manageToken } = await registerForSession(db, null, sessionId, person('cancels'));
      await cancelRegistration(db, id, { manageToken });
      const view = await getManageView(db, manageToken);
      expect(view!.registration.status).toBe('cancelled');
      expect(view!.changeable).toBe(false);
      expect(view!.moveTargets).toEqual([]);
    });

    it('offers no changes once the session has started, or when it is cancelled', async () => {
      const past = await createSession({ registrationOpensAt: new Date(Date.now() - 10 * DAY) }, -2 * HOUR);
      const started = await registerForSession(db, trainer, past, person('was-there'), { allowOutsideWindow: true });
      expect((await getManageView(db, started.manageToken))!.changeable).toBe(false);

      const later = await createSession();
      const booked = await registerForSession(db, null, later, person('called-off'));
      await db.update(trainingSessions).set({ status: 'cancelled' }).where(eq(trainingSessions.id, later));
      const view = await getManageView(db, booked.manageToken);
      expect(view!.session.status).toBe('cancelled');
      expect(view!.changeable).toBe(false);
    });
  });

  describe('move targets', () => {
    it('lists only the open, public, future sessions of the same workshop, with seats or waitlist', async () => {
      // A workshop of its own, so sessions made by other tests do not appear.
      const own = await createPublishedWorkshop(db, 'joint-interviews', 'Joint interviews');
      const inOwn = (values: Partial<typeof trainingSessions.$inferInsert> = {}, startsIn?: number) => createSession({ workshopId: own, ...values }, startsIn);
      const current = await inOwn();
      const open = await inOwn({ capacity: 10 });
      const full = await inOwn({ capacity: 1 });
      const queued = await inOwn({ capacity: 5 });
      await inOwn({ status: 'cancelled' });
      await inOwn({ visibility: 'unlisted' });
      await inOwn({ registrationOpensAt: new Date(Date.now() + DAY) });
      await inOwn({ registrationClosesAt: new Date(Date.now() - HOUR) });
      await inOwn({ registrationOpensAt: new Date(Date.now() - 10 * DAY) }, -HOUR);
      await createSession({ workshopId: otherWorkshopId });
      const alreadyThere = await inOwn();

      await registerForSession(db, null, full, person('fills-it'));
      // Seats free but someone waiting: a newcomer joins the waitlist, never jumps it.
      await db.update(trainingSessions).set({ confirmedCount: 2, waitlistCount: 1 }).where(eq(trainingSessions.id, queued));
      await registerForSession(db, null, open, person('sitting', {}));
      const mover = await registerForSession(db, null, current, person('mover'));
      await registerForSession(db, null, alreadyThere, person('mover'));

      const view = await getManageView(db, mover.manageToken);
      expect(view!.moveTargets.map((t) => t.id)).toEqual([open, full, queued]);
      const byId = new Map(view!.moveTargets.map((t) => [t.id, t]));
      expect(byId.get(open)).toMatchObject({ seatsLeft: 9, waitlistCount: 0, waitlistOnly: false, venue: { name: 'Training Room 2' }, online: false });
      expect(byId.get(full)).toMatchObject({ seatsLeft: 0, waitlistCount: 0, waitlistOnly: true });
      expect(byId.get(queued)).toMatchObject({ seatsLeft: 3, waitlistCount: 1, waitlistOnly: true });
    });
  });

  describe('listMyRegistrations', () => {
    it('finds every registration of an address, whatever its case, upcoming soonest first and past latest first', async () => {
      const email = 'Casey.Miles@Example.org';
      const soon = await createSession({}, 2 * DAY);
      const later = await createSession({ capacity: 1 }, 20 * DAY);
      const cancelledSoon = await createSession({}, 5 * DAY);
      const longAgo = await createSession({ registrationOpensAt: new Date(Date.now() - 60 * DAY) }, -30 * DAY);
      const lastWeek = await createSession({ registrationOpensAt: new Date(Date.now() - 60 * DAY) }, -7 * DAY);

      await registerForSession(db, null, later, person('takes-the-seat'));
      const waiting = await registerForSession(db, null, later, { name: 'Casey Miles', email });
      const booked = await registerForSession(db, null, soon, { name: 'Casey Miles', email: 'casey.miles@example.org' });
      const dropped = await registerForSession(db, null, cancelledSoon, { name: 'Casey Miles', email });
      await cancelRegistration(db, dropped.id, { manageToken: dropped.manageToken });
      const old = await registerForSession(db, trainer, longAgo, { name: 'Casey Miles', email }, { allowOutsideWindow: true });
      const recent = await registerForSession(db, trainer, lastWeek, { name: 'Casey Miles', email }, { allowOutsideWindow: true });
      await registerForSession(db, null, soon, person('someone-else'));

      const mine = await listMyRegistrations(db, 'CASEY.MILES@EXAMPLE.ORG');
      expect(mine.upcoming.map((r) => [r.id, r.status])).toEqual([
        [booked.id, 'confirmed'],
        [dropped.id, 'cancelled'],
        [waiting.id, 'waitlisted'],
      ]);
      expect(mine.past.map((r) => r.id)).toEqual([recent.id, old.id]);
      expect(mine.upcoming[2]).toMatchObject({ waitlistPosition: 1, workshopTitle: 'Recognising signs of abuse', sessionId: later, timeZone: 'America/Chicago' });
      expect(mine.upcoming[0]!.waitlistPosition).toBeNull();

      // Each line's token opens that registration's manage page.
      for (const item of [...mine.upcoming, ...mine.past]) {
        expect(item.manageToken).toBe(manageTokenFor(item.id).token);
        expect((await getManageView(db, item.manageToken!))!.registration.id).toBe(item.id);
      }
    });

    it('finds nothing for an address with no registrations, or none at all', async () => {
      expect(await listMyRegistrations(db, 'stranger@example.org')).toEqual({ upcoming: [], past: [] });
      expect(await listMyRegistrations(db, '  ')).toEqual({ upcoming: [], past: [] });
    });
  });

  it('lists partner agency names in order, for the registration form', async () => {
    await db.insert(agencies).values([
      { name: 'Westfield School District', kind: 'school_district' },
      { name: 'County Sheriff’s Office', kind: 'sheriffs_office' },
    ]);
    const names = await listAgencyNamesForRegistration(db);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toEqual(expect.arrayContaining(['Westfield School District', 'County Sheriff’s Office', 'Riverside Police Department']));
  });
});
