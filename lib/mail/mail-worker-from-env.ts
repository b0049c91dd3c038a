import 'server-only';
import path from 'node:path';
import type { Db } from '@/db';
import { getEnv } from '@/lib/config/env';
import type { TDeliveryParts } from './delivery-parts';
import { createLocalMailboxTransport, createSmtpTransport } from './transport';
import { createMailWorker } from './worker';

export function localMailboxDir(): string {
  return path.resolve(getEnv().DATA_DIR, 'mailbox');
}

/** The worker as configured: SMTP when SMTP_URL is set, otherwise the local mailbox. */
export function createMailWorkerFromEnv(db: Db, parts: TDeliveryParts) {
  const env = getEnv();
  const transport = env.SMTP_URL
    ? createSmtpTransport(env.SMTP_URL)
    : createLocalMailboxTransport(localMailboxDir());
  if (!env.SMTP_URL) {
    console.warn(
      `SMTP_URL is not set: mail is kept in a local mailbox (${localMailboxDir()}), readable at ${env.APP_URL}/dev/mailbox from this machine only.`,
    );
  }
  return createMailWorker({ db, transport, from: env.MAIL_FROM, parts });
}
