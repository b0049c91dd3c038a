import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { mailOutbox, rateLimitBuckets, registrations, workshops } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { RateLimitedError } from '@/lib/errors/app-error';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { registerForSession } from '../register';
import { hashManageToken } from '../tokens';

/**
 * People registering for a remembered session at the same moment are seated together, several
 * to a statement. These check that nobody notices: each gets their own registration and emails,
 * capacity and the waitlist hold, the rate limit counts each person, and one person's duplicate
 * email costs only them.
 */
describe.each(testDrivers)('registrations coalesced into one statement on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let workshopId: string;
  let n = 0;
  const person = (tag: string) => ({ name: `Officer ${tag} ${++n}`, email: `coalesced-${tag}-${n}@example.org` });
  const outcome = (promise: Promise<{ status: string }>) =>
    promise.then(
      (result) => result.status,
      (error: unknown) => (error instanceof AppError ? error.code : String(error)),
    );
  /** A session whose first registration has been taken, so it is remembered. */
  const rememberedSession = async (capacity: number) => {
    const sessionId = await createOpenSession(db, workshopId, { capacity });
    expect((await registerForSession(db, null, sessionId, person('first'))).status).toBe('confirmed');
    return sessionId;
  };
  const statementsThatRegistered = async (sessionId: string) => {
    const [row] = await db
      .select({ count: sql<number>`count(distinct ${registrations}.xmin::text)::int` })
      .from(registrations)
      .where(eq(registrations.sessionId, sessionId));
    return row!.count;
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    workshopId = await createPublishedWorkshop(db, `coalesced-${driver}`, 'Joint investigations');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('seats 40 people arriving together in fewer statements, each with their own registration and emails', async () => {
    const sessionId = await rememberedSession(100);
    const people = Array.from({ length: 40 }, () => person('together'));
    const results = await Promise.all(people.map((p) => registerForSession(db, null, sessionId, p)));
    expect(results.map((r) => r.status)).toEqual(people.map(() => 'confirmed'));
    expect(await statementsThatRegistered(sessionId)).toBeLessThan(41);

    for (const [i, p] of people.entries()) {
      const [registration] = await db.select().from(registrations).where(eq(registrations.id, results[i]!.id));
      expect(registration).toMatchObject({ name: p.name, email: p.email, status: 'confirmed', sessionId });
      expect(registration!.manageTokenHash).toBe(hashManageToken(results[i]!.manageToken));
      const mail = await db.select().from(mailOutbox).where(eq(mailOutbox.registrationId, registration!.id));
      expect(mail.map((m) => m.template).sort()).toEqual(['registration-confirmed', 'session-reminder', 'session-reminder']);
      for (const message of mail) {
        const props = message.props as { name: string; manageUrl: string; invite: { attendee: { email: string } } };
        expect(message.toAddress).toBe(p.email);
        expect(props.name).toBe(p.name);
        expect(props.manageUrl).toContain(encodeURIComponent(results[i]!.manageToken));
        expect(props.invite.attendee.email).toBe(p.email);
      }
    }
  });

  it('never seats more than the capacity, and waitlists the rest in order', async () => {
    const sessionId = await rememberedSession(10);
    const results = await Promise.all(Array.from({ length: 25 }, () => registerForSession(db, null, sessionId, person('boundary'))));
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(9);
    const positions = results.flatMap((r) => (r.status === 'waitlisted' ? [r.waitlistPosition] : []));
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it('counts every person against the rate limit, letting the first ones within it through', async () => {
    const sessionId = await rememberedSession(100);
    const key = `register:ip:coalesced-${driver}`;
    const rateLimit = { key, limit: 5, windowMs: 60_000 };
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () =>
        registerForSession(db, null, sessionId, person('limited'), { rateLimit }).then(
          (r) => r.status,
          (error: unknown) => (error instanceof RateLimitedError ? `limited ${error.retryAfterMs > 0}` : String(error)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'limited true')).toHaveLength(7);
    const [bucket] = await db.select({ hits: rateLimitBuckets.hits }).from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key));
    expect(bucket?.hits).toBe(12);
  });

  it('refuses only the person whose email already holds a place, and seats the others', async () => {
    const sessionId = await rememberedSession(100);
    const twin = person('twin');
    const people = [...Array.from({ length: 8 }, () => person('beside')), twin, { ...twin, name: 'Someone Else' }];
    const outcomes = await Promise.all(people.map((p) => outcome(registerForSession(db, null, sessionId, p))));
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(9);
    expect(outcomes.filter((o) => o === 'already_registered')).toHaveLength(1);
    const twins = await db.select().from(registrations).where(and(eq(registrations.sessionId, sessionId), eq(registrations.email, twin.email)));
    expect(twins).toHaveLength(1);
  });

  it('refuses a name with a NUL character by its field, without failing the people registering alongside', async () => {
    const sessionId = await rememberedSession(100);
    const people = [...Array.from({ length: 6 }, () => person('alongside')), { ...person('nul'), name: 'Bad\u0000Name' }];
    const outcomes = await Promise.all(
      people.map((p) =>
        registerForSession(db, null, sessionId, p).then(
          (r) => r.status,
          (error: unknown) => (error instanceof AppError ? `${error.code} ${Object.keys(error.fields ?? {}).join()}` : String(error)),
        ),
      ),
    );
    expect(outcomes).toEqual([...Array.from({ length: 6 }, () => 'confirmed'), 'validation_failed name']);
  });

  it('writes everyone’s emails from the workshop as it is now when it changed after the session was remembered', async () => {
    const otherWorkshop = await createPublishedWorkshop(db, `coalesced-renamed-${driver}`, 'Old title');
    const sessionId = await createOpenSession(db, otherWorkshop, { capacity: 50 });
    await registerForSession(db, null, sessionId, person('before'));
    await db.update(workshops).set({ title: 'New title' }).where(eq(workshops.id, otherWorkshop));
    const people = Array.from({ length: 10 }, () => person('renamed'));
    await Promise.all(people.map((p) => registerForSession(db, null, sessionId, p)));
    const subjects = await db
      .select({ subject: mailOutbox.subject, to: mailOutbox.toAddress })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.sessionId, sessionId), eq(mailOutbox.template, 'registration-confirmed')));
    const ofThem = subjects.filter((s) => people.some((p) => p.email === s.to));
    expect(ofThem).toHaveLength(10);
    for (const { subject } of ofThem) expect(subject).toContain('New title');
  });
});
