import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { certificates, users } from './schema';
import { seedDemo, seedDemoIfEmpty } from './seed';

describe('the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'muster-pglite-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its data across a stop and a start, and seeds only the first time', async () => {
    const first = await openDatabase({ driver: 'pglite', dataDir });
    await first.migrate();
    expect(await seedDemoIfEmpty(first.db)).toBe(true);
    await first.db.insert(users).values({ email: 'kept@example.org', name: 'Kept Across Restarts' });
    await first.close();

    const second = await openDatabase({ driver: 'pglite', dataDir });
    await second.migrate();
    expect(await seedDemoIfEmpty(second.db)).toBe(false);
    const [kept] = await second.db.select().from(users).where(eq(users.email, 'kept@example.org'));
    expect(kept?.name).toBe('Kept Across Restarts');
    await seedDemo(second.db);
    const trainers = await second.db.select().from(users).where(eq(users.role, 'trainer'));
    expect(trainers.map((t) => t.email)).toEqual(['trainer@example.org']);
    // Last week's demo session: one attended, one stayed two hours, one was absent; seeded once.
    const issued = await second.db.select({ holder: certificates.holderEmail, hours: certificates.hours }).from(certificates);
    expect(issued.sort((a, b) => a.holder.localeCompare(b.holder))).toEqual([
      { holder: 'lukasz.zolc@riverside.example', hours: 3 },
      { holder: 'officer.minh@example.org', hours: 2 },
    ]);
    await second.close();
  });
});
