import 'server-only';
import { closeDb, getDbHandle } from '@/db';
import { seedDemoIfEmpty } from '@/db/seed';
import { getEnv } from '@/lib/config/env';
import { installLogRedaction } from '@/lib/errors/log-redaction';
import { createMailWorkerFromEnv } from '@/lib/mail/mail-worker-from-env';
import { startHoldSweeper } from '@/lib/registrations/hold-sweeper';
import { mailDeliveryParts } from './mail-delivery-parts';
import { onShutdown } from './shutdown';

/**
 * Everything a Muster server needs before its first request: logs that hold no personal data,
 * configuration checked, database migrated (and seeded on a first embedded start), unconfirmed
 * holds released on time, mail worker running.
 */
export async function startServerSide(): Promise<void> {
  installLogRedaction();
  const env = getEnv();
  const handle = await getDbHandle();
  onShutdown(closeDb);
  if (handle.driver === 'pglite' && env.SEED_DEMO === '1' && (await seedDemoIfEmpty(handle.db))) {
    console.log('Loaded demo data into the new embedded database.');
  }
  const stopSweeper = startHoldSweeper(handle.db);
  onShutdown(async () => stopSweeper());
  if (env.MAIL_WORKER === 'on') {
    const worker = createMailWorkerFromEnv(handle.db, mailDeliveryParts);
    worker.start();
    onShutdown(worker.stop);
  }
}
