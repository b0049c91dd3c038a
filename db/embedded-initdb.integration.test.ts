import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { users } from './schema';
import { openDatabase } from './client';
import { initEmbeddedDataDir } from './embedded-initdb';

describe('a new embedded database directory', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'muster-initdb-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is created by a process of its own, and then opens, migrates and keeps data', async () => {
    const dir = path.join(root, 'made', 'pgdata');
    mkdirSync(dir, { recursive: true });
    expect(await initEmbeddedDataDir(dir)).toBe(true);
    expect(existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
    // A directory that already holds a database is left as it is.
    expect(await initEmbeddedDataDir(dir)).toBe(true);
    const handle = await openDatabase({ driver: 'pglite', dataDir: path.join(root, 'made') });
    await handle.migrate();
    await handle.db.insert(users).values({ email: 'first@example.org' });
    expect(await handle.db.select({ email: users.email }).from(users)).toEqual([{ email: 'first@example.org' }]);
    await handle.close();
  });

  it('says so when that process cannot find PGlite, leaving the directory for the caller to create', async () => {
    const dir = path.join(root, 'elsewhere');
    mkdirSync(dir, { recursive: true });
    expect(await initEmbeddedDataDir(dir, root)).toBe(false);
    expect(existsSync(path.join(dir, 'PG_VERSION'))).toBe(false);
  });
});
