import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { processSingleton } from '@/lib/process/process-singleton';
import { initEmbeddedDataDir } from './embedded-initdb';
import * as schema from './schema';
import { statementParams, statementSql, type TStatement } from './static-statement';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbDriver = 'pglite' | 'postgres';

export type DbHandle = {
  db: Db;
  driver: DbDriver;
  /** Runs the committed migrations; safe when several instances start at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export type DbOptions =
  | { driver: 'postgres'; url: string; maxConnections?: number }
  /** `dataDir` undefined keeps the database in memory (tests). */
  | { driver: 'pglite'; dataDir?: string };

export const migrationsFolder = path.resolve(process.cwd(), 'db/migrations');

type TStatementRunner = (text: string, params: unknown[]) => Promise<unknown[]>;
// Instrumentation opens the database and routes use it, in different module graphs: one map, keyed by handle.
const statementRunners = processSingleton('statement-runners', () => new WeakMap<Db, TStatementRunner>());

// Any constant works; it only has to be the same for every Muster instance.
const MIGRATION_LOCK_KEY = 7_305_114_901;

export async function openDatabase(options: DbOptions): Promise<DbHandle> {
  if (options.driver === 'postgres') return openPostgres(options.url, options.maxConnections);
  return openPglite(options.dataDir);
}

async function openPostgres(url: string, maxConnections = 10): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  // JIT compiles a plan for 100–200 ms once its estimated cost is high, as the roster's is on a
  // large database; Muster's queries are short, so compiling never pays for itself.
  const client = postgres(url, { max: maxConnections, onnotice: () => {}, connection: { jit: 'off' } });
  const db = drizzle({ client, schema }) as unknown as Db;
  statementRunners.set(db, (text, params) => client.unsafe(text, params as never[], { prepare: true }));
  return {
    db,
    driver: 'postgres',
    async migrate() {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      // One connection holds an advisory lock so instances starting together migrate one at a time.
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migrate(drizzle({ client: lockClient }), { migrationsFolder });
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await lockClient.end();
      }
    },
    close: () => client.end(),
  };
}

/**
 * PostgreSQL's default 128 MB of shared buffers live in the WebAssembly heap, where every page
 * once used stays resident: 16 MB holds a practice's working set, and the rest is read from the
 * files through the operating system's cache.
 */
const EMBEDDED_SETTINGS = ['-c', 'shared_buffers=16MB'];

async function openPglite(dataDir: string | undefined): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const startParams = [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS];
  let client;
  if (dataDir) {
    const dir = path.resolve(dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    await initEmbeddedDataDir(dir);
    client = await PGlite.create(dir, { startParams });
  } else {
    client = await PGlite.create({ startParams });
  }
  const db = drizzle({ client, schema }) as unknown as Db;
  const pglite = client;
  statementRunners.set(db, async (text, params) => (await pglite.query(text, params)).rows);
  return {
    db,
    driver: 'pglite',
    async migrate() {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(drizzle({ client }), { migrationsFolder });
    },
    close: () => client.close(),
  };
}


/**
 * Rows of a hot statement, run straight on the driver: on PostgreSQL it is kept prepared on each
 * connection. An unprepared statement with parameters costs postgres.js two round trips (it asks
 * for the parameter types first); a prepared one costs one after its first use. A transaction
 * handle runs it as any other drizzle query.
 */
export async function runStatement<K extends string, TRow>(db: Db, statement: TStatement<K, TRow>, values: Record<K, unknown>): Promise<TRow[]> {
  const run = statementRunners.get(db);
  if (!run) return queryRows<TRow>(db, statementSql(statement, values));
  return (await run(statement.text, statementParams(statement, values))) as TRow[];
}

/** Rows of a raw query: postgres.js returns an array, PGlite an object with `rows`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
