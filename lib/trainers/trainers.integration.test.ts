import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { agencies, auditLog, sessions, users } from '@/db/schema';
import { authenticateApiToken, createApiToken, ensureTrainer } from '@/lib/api-tokens/api-tokens';
import { grantListedTrainerAtFirstSignIn } from '@/lib/auth/trainer-emails';
import { grantCoordinator } from '@/lib/records/coordinators';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { addTrainer, assertTrainerRemovable, listTrainers, removeTrainer, withdrawTrainerRole } from './trainers';

const DAY = 24 * 3_600_000;

describe.each(testDrivers)('trainers on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let first: { id: string; role: 'trainer' };
  let counter = 0;
  const email = (tag: string) => `${tag}-${++counter}@example.org`;

  const roleOf = async (id: string) => (await db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]?.role;
  const signedIn = async (userId: string) => {
    const sessionToken = `session-${++counter}`;
    await db.insert(sessions).values({ sessionToken, userId, expires: new Date(Date.now() + DAY) });
    return sessionToken;
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
  });
  beforeEach(async () => {
    // Each test starts with exactly one trainer; earlier trainers become officers.
    await db.update(users).set({ role: 'officer' }).where(eq(users.role, 'trainer'));
    first = await ensureTrainer(db, email('first'));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('adds a trainer by email, whether or not they have signed in, and says when they already are one', async () => {
    const added = await addTrainer(db, first, { email: '  New.Trainer@Example.org ' });
    expect(added).toMatchObject({ alreadyTrainer: false, trainer: { email: 'new.trainer@example.org' } });
    expect(await roleOf(added.trainer.id)).toBe('trainer');
    expect((await addTrainer(db, first, { email: 'new.trainer@example.org' })).alreadyTrainer).toBe(true);
    expect((await listTrainers(db, first)).map((trainer) => trainer.email)).toContain('new.trainer@example.org');
  });

  it('puts a bad address beside the field, and does not turn a coordinator into a trainer', async () => {
    expect((await refusal(addTrainer(db, first, { email: 'not an address' }))).fields).toEqual({ email: 'Enter a valid email address.' });
    const [agency] = await db.insert(agencies).values({ name: `Riverside PD ${++counter}`, kind: 'police_department' }).returning();
    const coordinatorEmail = email('coordinator');
    await grantCoordinator(db, first, agency!.id, { email: coordinatorEmail });
    const refused = await refusal(addTrainer(db, first, { email: coordinatorEmail }));
    expect(refused.status).toBe(409);
    expect(refused.fields?.email).toMatch(/coordinator/);
  });

  it('removing a trainer ends their sign-in sessions and revokes their API tokens at once', async () => {
    const { trainer: second } = await addTrainer(db, first, { email: email('leaving') });
    const secondActor = { id: second.id, role: 'trainer' as const };
    const token = (await createApiToken(db, secondActor, 'Records sync')).token;
    await signedIn(second.id);
    const firstSession = await signedIn(first.id);
    expect(await authenticateApiToken(db, token)).toMatchObject({ id: second.id, role: 'trainer' });

    await removeTrainer(db, first, second.id);

    expect(await roleOf(second.id)).toBe('officer');
    expect(await db.select().from(sessions).where(eq(sessions.userId, second.id))).toEqual([]);
    expect(await authenticateApiToken(db, token)).toBeNull();
    // Nobody else is signed out.
    expect(await db.select().from(sessions).where(eq(sessions.sessionToken, firstSession))).toHaveLength(1);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'trainer.removed'), eq(auditLog.subjectId, second.id)));
    expect(entry).toMatchObject({ actorId: first.id, details: { apiTokensRevoked: 1 } });
  });

  it('never lets TRAINER_EMAILS grant the role again to someone removed, nor to anyone after their first sign-in', async () => {
    const listedEmail = email('listed');
    const { trainer: listed } = await addTrainer(db, first, { email: listedEmail });
    await removeTrainer(db, first, listed.id);
    expect(await grantListedTrainerAtFirstSignIn(db, { userId: listed.id, email: listedEmail, isNewUser: false }, [listedEmail])).toBe(false);
    expect(await grantListedTrainerAtFirstSignIn(db, { userId: listed.id, email: listedEmail, isNewUser: true }, [listedEmail])).toBe(false);
    expect(await roleOf(listed.id)).toBe('officer');

    const [newcomer] = await db.insert(users).values({ email: email('newcomer') }).returning();
    expect(await grantListedTrainerAtFirstSignIn(db, { userId: newcomer!.id, email: newcomer!.email.toUpperCase(), isNewUser: true }, [newcomer!.email])).toBe(true);
    expect(await roleOf(newcomer!.id)).toBe('trainer');

    // A trainer can still make them a trainer again, on purpose.
    await addTrainer(db, first, { email: listedEmail });
    expect(await roleOf(listed.id)).toBe('trainer');
  });

  it('the last trainer cannot remove themselves, here or from the command line', async () => {
    const refused = await refusal(removeTrainer(db, first, first.id));
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/only trainer, so you cannot remove yourself/);
    expect((await refusal(withdrawTrainerRole(db, 'command line', first.id))).message).toMatch(/is the only trainer/);
    // The page asks before it removes, by the same rule.
    expect((await refusal(assertTrainerRemovable(db, first, first.id))).message).toBe(refused.message);
    expect((await refusal(assertTrainerRemovable(db, first, 'no-such-user'))).status).toBe(404);
    expect(await roleOf(first.id)).toBe('trainer');
    const { trainer: second } = await addTrainer(db, first, { email: email('second') });
    await expect(assertTrainerRemovable(db, first, first.id)).resolves.toBeUndefined();
    await expect(assertTrainerRemovable(db, first, second.id)).resolves.toBeUndefined();
  });

  it('two trainers removing each other at the same moment still leave one', async () => {
    const { trainer: second } = await addTrainer(db, first, { email: email('other') });
    const outcomes = await Promise.allSettled([removeTrainer(db, first, second.id), removeTrainer(db, { id: second.id, role: 'trainer' }, first.id)]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const remaining = await db.select({ id: users.id }).from(users).where(eq(users.role, 'trainer'));
    expect(remaining).toHaveLength(1);
    expect([first.id, second.id]).toContain(remaining[0]!.id);
  });

  it('refuses officers and strangers everything', async () => {
    const [officer] = await db.insert(users).values({ email: email('officer') }).returning();
    const asOfficer = { id: officer!.id, role: 'officer' as const };
    for (const actor of [asOfficer, null]) {
      const status = actor ? 403 : 401;
      expect((await refusal(listTrainers(db, actor))).status).toBe(status);
      expect((await refusal(addTrainer(db, actor, { email: email('sneaky') }))).status).toBe(status);
      expect((await refusal(removeTrainer(db, actor, first.id))).status).toBe(status);
    }
    expect(await roleOf(first.id)).toBe('trainer');
  });
});
