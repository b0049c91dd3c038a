import 'server-only';
import { getEnv } from '@/lib/config/env';
import { openDatabase, type Db, type DbHandle } from './client';

export type { Db, DbHandle } from './client';

// Next bundles server code into several graphs (pages, route handlers, instrumentation), each
// with its own module instances; one handle per process must be shared through globalThis, or
// two PGlite instances would open the same data directory.
const HANDLE = Symbol.for('muster.db-handle');
type GlobalWithDb = typeof globalThis & { [HANDLE]?: Promise<DbHandle> };

/** The process's database handle, opened on first use (never at import: `next build` imports routes). */
export function getDbHandle(): Promise<DbHandle> {
  const g = globalThis as GlobalWithDb;
  g[HANDLE] ??= (async () => {
    const env = getEnv();
    const handle = env.DATABASE_URL
      ? await openDatabase({ driver: 'postgres', url: env.DATABASE_URL, maxConnections: env.DATABASE_POOL_SIZE })
      : await openDatabase({ driver: 'pglite', dataDir: env.DATA_DIR });
    await handle.migrate();
    return handle;
  })();
  g[HANDLE].catch(() => {
    delete g[HANDLE];
  });
  return g[HANDLE];
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const pending = g[HANDLE];
  delete g[HANDLE];
  if (pending) await (await pending).close();
}
