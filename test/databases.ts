import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type DbHandle } from '@/db/client';
import { POSTGRES_ADMIN_URL } from './postgres-url';

declare module 'vitest' {
  export interface ProvidedContext {
    musterPostgres: boolean;
  }
}


/** Decided by the global setup: whether a PostgreSQL server answered. */
export function postgresAvailable(): boolean {
  return inject('musterPostgres');
}

export type TestDatabase = DbHandle & {
  label: string;
  /** PostgreSQL only: the database's URL, for opening a second handle on it. */
  url?: string;
};

/** The drivers every integration test runs on: PGlite always, PostgreSQL when it answers. */
export const testDrivers: ('pglite' | 'postgres')[] = postgresAvailable() ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, migrated database of its own: PGlite in memory, or a new PostgreSQL database that
 * close() drops again.
 */
export async function createTestDatabase(driver: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const handle = await openDatabase({ driver: 'pglite' });
    await handle.migrate();
    return { ...handle, label: 'PGlite' };
  }
  const name = `muster_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(POSTGRES_ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ driver: 'postgres', url: url.toString(), maxConnections: 20 });
  await handle.migrate();
  return {
    ...handle,
    label: 'PostgreSQL',
    url: url.toString(),
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
