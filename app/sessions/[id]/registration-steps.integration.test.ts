import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { mailOutbox, registrations } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { hitRateLimit } from '@/lib/rate-limit/rate-limit';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { submitRegistration, type TRequestContext } from './registration-steps';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe.each(testDrivers)('registration form steps on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let workshopId: string;
  let ipCounter = 0;

  /** A stranger from an address of their own, so only the limit tests meet the limit. */
  const stranger = (extra: Partial<TRequestContext> = {}): TRequestContext => ({ actor: null, ip: `10.1.0.${++ipCounter}`, limitPerIp: 20, ...extra });

  const rowsIn = (sessionId: string) => db.select().from(registrations).where(eq(registrations.sessionId, sessionId));

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    workshopId = await createPublishedWorkshop(db, 'trauma-informed-care', 'Trauma-informed care');
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('submitRegistration', () => {
    it('books a seat and says so with the address the confirmation goes to', async () => {
      const sessionId = await createOpenSession(db, workshopId);
      const state = await submitRegistration(
        db,
        stranger(),
        sessionId,
        form({ name: 'Dana Reyes', email: ' Dana.Reyes@Example.org ', agency: 'Riverside PD', badgeNumber: '77', role: 'Sergeant', accessNeeds: 'Hearing loop' }),
      );
      expect(state).toEqual({ ok: true, outcome: { status: 'confirmed', email: 'dana.reyes@example.org' } });
      const [row] = await rowsIn(sessionId);
      expect(row).toMatchObject({
        name: 'Dana Reyes',
        email: 'dana.reyes@example.org',
        agency: 'Riverside PD',
        badgeNumber: '77',
        role: 'Sergeant',
        accessNeeds: 'Hearing loop',
        status: 'confirmed',
      });
    });

    it('puts the next person on the waitlist with their number', async () => {
      const sessionId = await createOpenSession(db, workshopId, { capacity: 1 });
      await submitRegistration(db, stranger(), sessionId, form({ name: 'First', email: 'first@example.org' }));
      await submitRegistration(db, stranger(), sessionId, form({ name: 'Second', email: 'second@example.org' }));
      const third = await submitRegistration(db, stranger(), sessionId, form({ name: 'Third', email: 'third@example.org' }));
      expect(third.outcome).toEqual({ status: 'waitlisted', email: 'third@example.org', waitlistPosition: 2 });
    });

    it('refuses bad input with messages beside the fields and keeps what was typed', async () => {
      const sessionId = await createOpenSession(db, workshopId);
      const typed = { name: '', email: 'not-an-email', agency: 'Riverside PD', badgeNumber: '', role: 'Detective', accessNeeds: 'Large print' };
      const state = await submitRegistration(db, stranger(), sessionId, form(typed));
      expect(state.outcome).toBeUndefined();
      expect(state.fields).toEqual({ name: 'Enter your name.', email: 'Enter a valid email address.' });
      expect(state.values).toEqual(typed);
      expect(await rowsIn(sessionId)).toHaveLength(0);
    });

    it('says an address is already registered without saying how, emails its owner the link, and creates nothing', async () => {
      const sessionId = await createOpenSession(db, workshopId);
      await submitRegistration(db, stranger(), sessionId, form({ name: 'Sam Okafor', email: 'sam@example.org' }));
      const again = await submitRegistration(db, stranger(), sessionId, form({ name: 'Sam O.', email: 'SAM@example.org' }));
      expect(again.fields?.email).toBe('This email address is already registered for this session. We have emailed its manage link to that address.');
      expect(again.values).toMatchObject({ name: 'Sam O.', email: 'SAM@example.org' });
      expect(await rowsIn(sessionId)).toHaveLength(1);
      const links = await db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, 'sam@example.org'), eq(mailOutbox.template, 'registration-manage-link')));
      expect(links).toHaveLength(1);
    });

    it('answers a session that confirms by email the same for a new address and a registered one', async () => {
      const sessionId = await createOpenSession(db, workshopId, { requireEmailConfirmation: true });
      const first = await submitRegistration(db, stranger(), sessionId, form({ name: 'Ana Silva', email: 'ana@example.org' }));
      const again = await submitRegistration(db, stranger(), sessionId, form({ name: 'Ana Silva', email: 'ana@example.org' }));
      expect(first).toEqual({ ok: true, outcome: { status: 'check_email', email: 'ana@example.org' } });
      expect(again).toEqual(first);
      expect(await rowsIn(sessionId)).toHaveLength(1);
    });

    it('refuses a closed or cancelled session in words', async () => {
      const closed = await createOpenSession(db, workshopId, { registrationClosesAt: new Date(Date.now() - 1000) });
      const cancelled = await createOpenSession(db, workshopId, { status: 'cancelled' });
      const one = await submitRegistration(db, stranger(), closed, form({ name: 'Late', email: 'late@example.org' }));
      const two = await submitRegistration(db, stranger(), cancelled, form({ name: 'Late', email: 'late@example.org' }));
      expect(one.error).toBe('Registration for this session is closed.');
      expect(two.error).toBe('This session has been cancelled.');
      expect([...(await rowsIn(closed)), ...(await rowsIn(cancelled))]).toHaveLength(0);
    });

    it('limits registrations per client address, on the same budget as the API', async () => {
      const sessionId = await createOpenSession(db, workshopId);
      const ip = '192.0.2.50';
      const context: TRequestContext = { actor: null, ip, limitPerIp: 3 };
      // The JSON API counts under the same key: a hit there is one less here.
      await hitRateLimit(db, `register:ip:${ip}`, { limit: 3, windowMs: 60_000 });
      expect((await submitRegistration(db, context, sessionId, form({ name: 'A', email: 'a@example.org' }))).outcome?.status).toBe('confirmed');
      expect((await submitRegistration(db, context, sessionId, form({ name: 'B', email: 'b@example.org' }))).outcome?.status).toBe('confirmed');
      const limited = await submitRegistration(db, context, sessionId, form({ name: 'C', email: 'c@example.org' }));
      expect(limited.error).toBe('Too many registrations from your network. Please try again in a minute.');
      expect(limited.values).toMatchObject({ name: 'C', email: 'c@example.org' });
      expect((await rowsIn(sessionId)).map((r) => r.email).sort()).toEqual(['a@example.org', 'b@example.org']);

      // Another address has its own budget; a trainer is not limited.
      expect((await submitRegistration(db, { ...context, ip: '192.0.2.51' }, sessionId, form({ name: 'D', email: 'd@example.org' }))).outcome).toBeDefined();
      expect((await submitRegistration(db, { ...context, actor: trainer }, sessionId, form({ name: 'E', email: 'e@example.org' }))).outcome).toBeDefined();
    });
  });

});
