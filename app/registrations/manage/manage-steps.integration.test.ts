import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { registrations, trainingSessions } from '@/db/schema';
import { getManageView } from '@/lib/registrations/manage-view';
import { registerForSession } from '@/lib/registrations/register';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { cancelPlace, managePath, movePlace, replaceDetails } from './manage-steps';

describe.each(testDrivers)('manage page steps on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let workshopId: string;
  let otherWorkshopId: string;

  const statusOf = async (id: string) => (await db.select({ status: registrations.status }).from(registrations).where(eq(registrations.id, id)))[0]?.status;
  const person = (tag: string) => ({ name: `Officer ${tag}`, email: `${tag}@example.org` });

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    workshopId = await createPublishedWorkshop(db, 'recognising-abuse', 'Recognising signs of abuse');
    otherWorkshopId = await createPublishedWorkshop(db, 'talking-with-children', 'Talking with children');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('builds the manage address with the token encoded', () => {
    expect(managePath('a+b/c=')).toBe('/registrations/manage?token=a%2Bb%2Fc%3D');
    expect(managePath('abc', 'moved')).toBe('/registrations/manage?token=abc&done=moved');
  });

  describe('cancelPlace', () => {
    it('cancels the place its link belongs to, hands the seat on, and comes back to the same page', async () => {
      const sessionId = await createOpenSession(db, workshopId, { capacity: 1 });
      const holder = await registerForSession(db, null, sessionId, person('holder'));
      const waiting = await registerForSession(db, null, sessionId, person('waiting'));

      expect(await cancelPlace(db, holder.manageToken)).toEqual({ redirectTo: managePath(holder.manageToken, 'cancelled') });
      expect(await statusOf(holder.id)).toBe('cancelled');
      expect(await statusOf(waiting.id)).toBe('confirmed');
    });

    it('refuses a link that matches nothing, and a place already cancelled, changing nothing', async () => {
      const sessionId = await createOpenSession(db, workshopId);
      const booked = await registerForSession(db, null, sessionId, person('stays'));
      const wrong = await cancelPlace(db, `${booked.manageToken}x`);
      expect(wrong.state?.error).toMatch(/link does not work/);
      expect(await statusOf(booked.id)).toBe('confirmed');

      await cancelPlace(db, booked.manageToken);
      const twice = await cancelPlace(db, booked.manageToken);
      expect(twice.state?.error).toMatch(/can no longer be changed/);
    });

    it('refuses once the session has started', async () => {
      const sessionId = await createOpenSession(db, workshopId);
      const booked = await registerForSession(db, null, sessionId, person('too-late'));
      await db.update(trainingSessions).set({ startsAt: new Date(Date.now() - 60_000) }).where(eq(trainingSessions.id, sessionId));
      expect((await cancelPlace(db, booked.manageToken)).state?.error).toMatch(/can no longer be changed/);
      expect(await statusOf(booked.id)).toBe('confirmed');
    });
  });

  describe('movePlace', () => {
    it('moves to an offered session and goes to the new place’s page', async () => {
      const from = await createOpenSession(db, workshopId);
      const to = await createOpenSession(db, workshopId);
      const booked = await registerForSession(db, null, from, person('moving'));

      const result = await movePlace(db, booked.manageToken, to);
      expect(result.state).toBeUndefined();
      const token = new URL(result.redirectTo!, 'http://muster.test').searchParams.get('token')!;
      expect(result.redirectTo).toBe(managePath(token, 'moved'));
      expect(await statusOf(booked.id)).toBe('cancelled');
      const moved = await getManageView(db, token);
      expect(moved!.session.id).toBe(to);
      expect(moved!.registration).toMatchObject({ email: 'moving@example.org', status: 'confirmed' });
    });

    it('joins the waitlist of a full session it moves to', async () => {
      const from = await createOpenSession(db, workshopId);
      const to = await createOpenSession(db, workshopId, { capacity: 1 });
      await registerForSession(db, null, to, person('in-the-way'));
      const booked = await registerForSession(db, null, from, person('waits-there'));
      const result = await movePlace(db, booked.manageToken, to);
      const token = new URL(result.redirectTo!, 'http://muster.test').searchParams.get('token')!;
      expect((await getManageView(db, token))!.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    });

    it('refuses a session it did not offer, or none chosen, without touching the place', async () => {
      const from = await createOpenSession(db, workshopId);
      const otherWorkshop = await createOpenSession(db, otherWorkshopId);
      const closed = await createOpenSession(db, workshopId, { registrationClosesAt: new Date(Date.now() - 1000) });
      const booked = await registerForSession(db, null, from, person('stays-put'));

      for (const target of [otherWorkshop, closed, from, 'not-a-uuid']) {
        const result = await movePlace(db, booked.manageToken, target);
        expect(result.state?.fields?.targetSessionId).toBe('That session is no longer open for registration. Choose another.');
      }
      expect((await movePlace(db, booked.manageToken, '')).state?.fields?.targetSessionId).toBe('Choose a session to move to.');
      expect((await movePlace(db, 'wrong-token', otherWorkshop)).state?.error).toMatch(/link does not work/);
      expect(await statusOf(booked.id)).toBe('confirmed');
      const rows = await db.select().from(registrations).where(eq(registrations.email, 'stays-put@example.org'));
      expect(rows).toHaveLength(1);
    });
  });
  describe('replaceDetails', () => {
    const detailsOf = async (id: string) =>
      (await db.select({ badgeNumber: registrations.badgeNumber, accessNeeds: registrations.accessNeeds }).from(registrations).where(eq(registrations.id, id)))[0];

    it('replaces or removes the badge number and access needs without saying what they were', async () => {
      const sessionId = await createOpenSession(db, workshopId);
      const booked = await registerForSession(db, null, sessionId, { ...person('details'), badgeNumber: 'B-100', accessNeeds: 'Front row seat' });

      const replaced = await replaceDetails(db, booked.manageToken, { badgeNumber: ' B-200 ', accessNeeds: '' });
      expect(replaced).toEqual({ ok: true, message: 'Saved: your badge or staff number is updated. The trainers see the new one.' });
      expect(JSON.stringify(replaced)).not.toMatch(/B-100|B-200|Front row/);
      expect(await detailsOf(booked.id)).toEqual({ badgeNumber: 'B-200', accessNeeds: 'Front row seat' });

      await replaceDetails(db, booked.manageToken, { clearAccessNeeds: true });
      expect(await detailsOf(booked.id)).toEqual({ badgeNumber: 'B-200', accessNeeds: '' });
      expect((await replaceDetails(db, booked.manageToken, {})).error).toMatch(/Type a new value/);
    });

    it('puts a too-long value beside its field and changes nothing', async () => {
      const sessionId = await createOpenSession(db, workshopId);
      const booked = await registerForSession(db, null, sessionId, { ...person('long-badge'), badgeNumber: 'B-1' });
      const refused = await replaceDetails(db, booked.manageToken, { badgeNumber: '9'.repeat(51) });
      expect(refused.fields).toEqual({ badgeNumber: 'A badge or staff number can be at most 50 characters.' });
      expect(await detailsOf(booked.id)).toEqual({ badgeNumber: 'B-1', accessNeeds: '' });
    });

    it('refuses a wrong link, leaving every place as it was', async () => {
      const sessionId = await createOpenSession(db, workshopId);
      const booked = await registerForSession(db, null, sessionId, { ...person('not-yours'), badgeNumber: 'B-7' });
      expect((await replaceDetails(db, `${booked.manageToken}x`, { badgeNumber: 'B-8' })).error).toMatch(/link does not work/);
      expect(await detailsOf(booked.id)).toEqual({ badgeNumber: 'B-7', accessNeeds: '' });
    });
  });
});
