import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { runStatement } from './client';
import { statement } from './static-statement';

const ECHO = statement<'word' | 'count' | 'at', { word: string; doubled: number; at: Date | string }>`
  select ${'word'}::text as word, ${'count'}::int * 2 as doubled, ${'at'}::timestamptz as at`;
const values = { word: 'Łukasz', count: 21, at: '2026-11-24T10:00:00.000Z' };

describe.each(testDrivers)('runStatement on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
    vi.restoreAllMocks();
  });

  it('runs on the driver itself from the root handle, without building a drizzle query', async () => {
    const execute = vi.spyOn(database.db, 'execute');
    const [row] = await runStatement(database.db, ECHO, values);
    expect(execute).not.toHaveBeenCalled();
    expect({ ...row, at: new Date(row!.at).toISOString() }).toEqual({ word: 'Łukasz', doubled: 42, at: values.at });
    execute.mockRestore();
  });

  it('answers the same inside a transaction, where it goes through drizzle', async () => {
    const row = await database.db.transaction(async (tx) => (await runStatement(tx, ECHO, values))[0]);
    expect({ ...row, at: new Date(row!.at).toISOString() }).toEqual({ word: 'Łukasz', doubled: 42, at: values.at });
  });

  it('runs on the driver from a second copy of the module too, as in separate chunks of one server', async () => {
    vi.resetModules();
    const copy = await import('./client');
    expect(copy.runStatement).not.toBe(runStatement);
    const execute = vi.spyOn(database.db, 'execute');
    await copy.runStatement(database.db, ECHO, values);
    expect(execute).not.toHaveBeenCalled();
    execute.mockRestore();
  });
});
