import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { hitRateLimit } from './rate-limit';

describe.each(testDrivers)('hitRateLimit on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lets exactly the limit through when 20 requests arrive at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimit(database.db, 'burst', { limit: 5, windowMs: 60_000 })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const refused = results.find((r) => !r.allowed)!;
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('counts keys separately', async () => {
    await hitRateLimit(database.db, 'a', { limit: 1, windowMs: 60_000 });
    expect((await hitRateLimit(database.db, 'b', { limit: 1, windowMs: 60_000 })).allowed).toBe(true);
    expect((await hitRateLimit(database.db, 'a', { limit: 1, windowMs: 60_000 })).allowed).toBe(false);
  });

  it('starts a new window once the old one has passed', async () => {
    expect((await hitRateLimit(database.db, 'window', { limit: 1, windowMs: 50 })).allowed).toBe(true);
    expect((await hitRateLimit(database.db, 'window', { limit: 1, windowMs: 50 })).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const fresh = await hitRateLimit(database.db, 'window', { limit: 1, windowMs: 50 });
    expect(fresh).toMatchObject({ allowed: true, hits: 1 });
  });
});
