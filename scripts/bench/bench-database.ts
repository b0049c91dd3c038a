/**
 * The benchmarks' database: a fresh PostgreSQL database when a server answers (dropped at the
 * end), otherwise a fresh embedded one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type DbHandle } from '@/db/client';
import { POSTGRES_ADMIN_URL } from '@/test/postgres-url';

export type TBenchDatabase = {
  label: string;
  /** Environment for the server under test. */
  serverEnv: Record<string, string>;
  open(): Promise<DbHandle>;
  drop(): Promise<void>;
};

export async function createBenchDatabase(name: string): Promise<TBenchDatabase> {
  const admin = postgres(POSTGRES_ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    const database = `muster_bench_${name}_${process.pid}`;
    await admin.unsafe(`create database ${database}`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${database}`;
    return {
      label: 'PostgreSQL',
      serverEnv: { DATABASE_URL: url.toString() },
      open: () => openDatabase({ driver: 'postgres', url: url.toString() }),
      async drop() {
        await admin.unsafe(`drop database if exists ${database} with (force)`);
        await admin.end();
      },
    };
  } catch {
    await admin.end({ timeout: 1 });
    const dataDir = mkdtempSync(path.join(tmpdir(), `muster-bench-${name}-`));
    return {
      label: 'embedded PGlite',
      serverEnv: { DATA_DIR: dataDir, SEED_DEMO: '0' },
      open: () => openDatabase({ driver: 'pglite', dataDir }),
      async drop() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
}
