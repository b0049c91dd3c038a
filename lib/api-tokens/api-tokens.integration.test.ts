import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, users } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors/app-error';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { authenticateApiToken, createApiToken, ensureTrainer, listApiTokens, revokeApiToken } from './api-tokens';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(testDrivers)('API tokens on %s', (driver) => {
  let database: TestDatabase;
  let trainer: { id: string; role: 'trainer' };
  let otherTrainer: { id: string; role: 'trainer' };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    trainer = await ensureTrainer(database.db, 'Trainer@Example.org');
    otherTrainer = await ensureTrainer(database.db, 'other.trainer@example.org');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('makes a new person a trainer, and an existing one keeps their id', async () => {
    const again = await ensureTrainer(database.db, ' trainer@example.org ');
    expect(again.id).toBe(trainer.id);
    const [row] = await database.db.select().from(users).where(eq(users.id, trainer.id));
    expect(row).toMatchObject({ email: 'trainer@example.org', role: 'trainer' });
  });

  it('authenticates a created token as its owner', async () => {
    const { token } = await createApiToken(database.db, trainer, 'Records system sync');
    expect(token).toMatch(/^mst_[A-Za-z0-9_-]{40,}$/);
    expect(await authenticateApiToken(database.db, token)).toEqual({ id: trainer.id, role: 'trainer' });
  });

  it('stores only a hash: the token string appears nowhere in its row', async () => {
    const { token, id } = await createApiToken(database.db, trainer, 'Hash check');
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row).toBeDefined();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(token);
    // Not even the secret part after the public prefix.
    expect(stored).not.toContain(token.slice(10));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.displayPrefix).toBe(token.slice(0, 10));
  });

  it('lists the owner’s tokens without the token itself, and records when one was used', async () => {
    const { token, id } = await createApiToken(database.db, trainer, 'Listed');
    await authenticateApiToken(database.db, token);
    const listed = (await listApiTokens(database.db, trainer)).find((t) => t.id === id);
    expect(listed).toMatchObject({ name: 'Listed', displayPrefix: token.slice(0, 10), revokedAt: null });
    expect(listed!.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await listApiTokens(database.db, otherTrainer)).some((t) => t.id === id)).toBe(false);
  });

  it('no longer authenticates a revoked token', async () => {
    const { token, id } = await createApiToken(database.db, trainer, 'To revoke');
    await revokeApiToken(database.db, trainer, id);
    expect(await authenticateApiToken(database.db, token)).toBeNull();
    const listed = (await listApiTokens(database.db, trainer)).find((t) => t.id === id);
    expect(listed!.revokedAt).not.toBeNull();
  });

  it('refuses unknown and malformed tokens', async () => {
    expect(await authenticateApiToken(database.db, 'mst_not-a-real-token')).toBeNull();
    expect(await authenticateApiToken(database.db, 'Bearer something')).toBeNull();
    expect(await authenticateApiToken(database.db, '')).toBeNull();
  });

  it('does not let a trainer revoke another trainer’s token (404), and the token keeps working', async () => {
    const { token, id } = await createApiToken(database.db, otherTrainer, 'Not yours');
    const error = await refusal(revokeApiToken(database.db, trainer, id));
    expect(error.status).toBe(404);
    expect(await authenticateApiToken(database.db, token)).toEqual({ id: otherTrainer.id, role: 'trainer' });
  });

  it('answers 404 for a token that is already revoked', async () => {
    const { id } = await createApiToken(database.db, trainer, 'Twice');
    await revokeApiToken(database.db, trainer, id);
    expect((await refusal(revokeApiToken(database.db, trainer, id))).status).toBe(404);
  });

  it('asks for a name beside the name field', async () => {
    const error = await refusal(createApiToken(database.db, trainer, '   '));
    expect(error.status).toBe(422);
    expect(error.fields).toHaveProperty('name');
    expect((await refusal(createApiToken(database.db, trainer, 'x'.repeat(101)))).fields).toHaveProperty('name');
  });

  // Coordinators hold tokens scoped to their agency (app/api/v1/nominations.integration.test.ts).
  it('refuses officers (403) and strangers (401)', async () => {
    const [officerRow] = await database.db.insert(users).values({ email: 'officer@example.org', role: 'officer' }).returning({ id: users.id });
    const officer: TActor = { id: officerRow!.id, role: 'officer' };
    for (const actor of [officer]) {
      const error = await refusal(createApiToken(database.db, actor, 'Mine'));
      expect(error.status).toBe(403);
      expect(error.code).toBe('forbidden');
      expect((await refusal(listApiTokens(database.db, actor))).status).toBe(403);
    }
    expect((await refusal(createApiToken(database.db, null, 'Mine'))).status).toBe(401);
    expect((await refusal(listApiTokens(database.db, null))).status).toBe(401);
    const rows = await database.db.select().from(apiTokens).where(eq(apiTokens.userId, officerRow!.id));
    expect(rows).toHaveLength(0);
  });
});
