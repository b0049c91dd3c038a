import 'server-only';
import { getEnv } from '@/lib/config/env';
import { processSingleton } from '@/lib/process/process-singleton';
import { openDatabase, type Db, type DbHandle } from './client';

export type { Db, DbHandle } from './client';

// One handle per process, or two PGlite instances would open the same data directory. The slot
// is emptied when opening fails, so the next use tries again.
const slot = () => processSingleton('db-handle', (): { pending?: Promise<DbHandle> } => ({}));

/** The process's database handle, opened on first use (never at import: `next build` imports routes). */
export function getDbHandle(): Promise<DbHandle> {
  const g = slot();
  g.pending ??= (async () => {
    const env = getEnv();
    const handle = env.DATABASE_URL
      ? await openDatabase({ driver: 'postgres', url: env.DATABASE_URL, maxConnections: env.DATABASE_POOL_SIZE })
      : await openDatabase({ driver: 'pglite', dataDir: env.DATA_DIR });
    await handle.migrate();
    return handle;
  })();
  const pending = g.pending;
  pending.catch(() => {
    if (g.pending === pending) delete g.pending;
  });
  return pending;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export async function closeDb(): Promise<void> {
  const g = slot();
  const pending = g.pending;
  delete g.pending;
  if (pending) await (await pending).close();
}
