import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { mailOutbox, rateLimitBuckets, registrations, trainingSessions, workshops } from '@/db/schema';
import { RateLimitedError } from '@/lib/errors/app-error';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { rememberedSession } from './remembered-sessions';
import { registerForSession } from '../register';

/**
 * A session read once is remembered, and later registrations take their seat in one statement
 * without reading it again. These check that what is remembered is never trusted: a change made
 * since is always what the emails say, and the rate limit counts every attempt.
 */
describe.each(testDrivers)('registering for a remembered session on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let workshopId: string;
  let n = 0;
  const person = (tag: string) => ({ name: `Officer ${tag} ${++n}`, email: `remembered-${tag}-${n}@example.org` });
  const limit = (key: string, max: number) => ({ key, limit: max, windowMs: 60_000 });
  const confirmationTo = async (email: string) => {
    const [row] = await db
      .select({ props: mailOutbox.props, subject: mailOutbox.subject })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.template, 'registration-confirmed')));
    return row;
  };
  const hits = async (key: string) => (await db.select({ hits: rateLimitBuckets.hits }).from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key)))[0]?.hits;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    workshopId = await createPublishedWorkshop(db, `remembered-${driver}`, 'Interviewing children');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('remembers a session once read, and confirms from it in one statement', async () => {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 5 });
    expect(rememberedSession(sessionId)).toBeUndefined();
    const first = await registerForSession(db, null, sessionId, person('first'));
    expect(first.status).toBe('confirmed');
    expect(rememberedSession(sessionId)?.workshopTitle).toBe('Interviewing children');
    const second = person('second');
    expect((await registerForSession(db, null, sessionId, second)).status).toBe('confirmed');
    expect((await confirmationTo(second.email))?.subject).toContain('Interviewing children');
  });

  it('writes the emails from the workshop as it is now when only its title changed since', async () => {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 5 });
    await registerForSession(db, null, sessionId, person('before'));
    await db.update(workshops).set({ title: 'Interviewing children (revised)' }).where(eq(workshops.id, workshopId));
    try {
      const after = person('after');
      expect((await registerForSession(db, null, sessionId, after)).status).toBe('confirmed');
      expect((await confirmationTo(after.email))?.subject).toContain('Interviewing children (revised)');
      expect(rememberedSession(sessionId)?.workshopTitle).toBe('Interviewing children (revised)');
    } finally {
      await db.update(workshops).set({ title: 'Interviewing children' }).where(eq(workshops.id, workshopId));
    }
  });

  it('writes the emails from the session as it is now when only its place changed since', async () => {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 5 });
    await registerForSession(db, null, sessionId, person('before'));
    await db.update(trainingSessions).set({ venueName: 'Annex hall' }).where(eq(trainingSessions.id, sessionId));
    const after = person('after');
    expect((await registerForSession(db, null, sessionId, after)).status).toBe('confirmed');
    expect((await confirmationTo(after.email))?.props).toMatchObject({ where: expect.stringContaining('Annex hall') });
  });

  it('writes the invite from the session as it is now when only its time changed since', async () => {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 5 });
    await registerForSession(db, null, sessionId, person('before'));
    const moved = new Date(Date.now() + 40 * 86_400_000);
    await db.update(trainingSessions).set({ startsAt: moved, endsAt: new Date(moved.getTime() + 3_600_000) }).where(eq(trainingSessions.id, sessionId));
    const after = person('after');
    expect((await registerForSession(db, null, sessionId, after)).status).toBe('confirmed');
    expect(((await confirmationTo(after.email))?.props as { invite: { startsAt: string } }).invite.startsAt).toBe(moved.toISOString());
  });

  it('refuses from a remembered session once registration has closed or the session is cancelled', async () => {
    const closing = await createOpenSession(db, workshopId, { capacity: 5 });
    await registerForSession(db, null, closing, person('open'));
    await db.update(trainingSessions).set({ registrationClosesAt: new Date(Date.now() - 1000) }).where(eq(trainingSessions.id, closing));
    await expect(registerForSession(db, null, closing, person('late'))).rejects.toMatchObject({ code: 'registration_closed' });

    const cancelled = await createOpenSession(db, workshopId, { capacity: 5 });
    await registerForSession(db, null, cancelled, person('open'));
    await db.update(trainingSessions).set({ status: 'cancelled' }).where(eq(trainingSessions.id, cancelled));
    await expect(registerForSession(db, null, cancelled, person('late'))).rejects.toMatchObject({ code: 'session_cancelled' });
    expect(await db.select().from(registrations).where(like(registrations.email, 'remembered-late-%'))).toEqual([]);
  });

  it('waitlists from a remembered session that has filled up', async () => {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 1 });
    await registerForSession(db, null, sessionId, person('seat'));
    const next = await registerForSession(db, null, sessionId, person('queue'));
    expect(next).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('counts every attempt against the rate limit, in the seat statement or beside it, and refuses over it', async () => {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 10 });
    const key = `register:ip:test-${driver}-${Date.now()}`;
    const someone = person('limited');
    // Read and remembered on the general path; the hit counted on its own.
    await registerForSession(db, null, sessionId, someone, { rateLimit: limit(key, 3) });
    expect(await hits(key)).toBe(1);
    // From the remembered session: the hit is part of the seat statement.
    await registerForSession(db, null, sessionId, person('limited'), { rateLimit: limit(key, 3) });
    expect(await hits(key)).toBe(2);
    // The same email again fails the statement on the unique index; the attempt still counts.
    await expect(registerForSession(db, null, sessionId, someone, { rateLimit: limit(key, 3) })).rejects.toMatchObject({ code: 'already_registered' });
    expect(await hits(key)).toBe(3);
    const refused = await registerForSession(db, null, sessionId, person('limited'), { rateLimit: limit(key, 3) }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterMs).toBeGreaterThan(0);
    expect((refused as RateLimitedError).retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(await hits(key)).toBe(4);
    const [seats] = await db.select({ confirmed: trainingSessions.confirmedCount }).from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    expect(seats?.confirmed).toBe(2);
  });
});
