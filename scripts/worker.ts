/**
 * The mail worker on its own, for deployments that run it beside the web servers (set
 * MAIL_WORKER=off on those). Needs DATABASE_URL: the embedded database belongs to one process.
 */
import { closeDb, getDbHandle } from '@/db';
import { getEnv } from '@/lib/config/env';
import { createMailWorkerFromEnv } from '@/lib/mail/mail-worker-from-env';
import { mailDeliveryParts } from '@/lib/startup/mail-delivery-parts';

if (!getEnv().DATABASE_URL) {
  console.error('npm run worker needs DATABASE_URL: the embedded database can only be opened by the Muster server itself.');
  process.exit(1);
}
const handle = await getDbHandle();
const worker = createMailWorkerFromEnv(handle.db, mailDeliveryParts);
worker.start();
console.log('Mail worker running; Ctrl+C stops it.');

async function stop() {
  await worker.stop();
  await closeDb();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
