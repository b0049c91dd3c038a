import 'server-only';
import type { Db } from '@/db';
import { describeError } from '@/lib/errors/describe-error';
import { releaseExpiredApprovals } from './approval';
import { releaseExpiredHolds } from './hold';
import { releaseDueAllotments } from './seating';

/**
 * Frees unconfirmed holds, requests not approved in time, and reserved seats whose release date has come, once a minute in every
 * server (both are safe from several at once), so a held seat goes back at most a minute after
 * its 30 minutes. Returns the stop.
 */
export function startHoldSweeper(db: Db, everyMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    releaseExpiredHolds(db)
      .catch((error: unknown) => console.error(`Releasing expired holds failed: ${describeError(error)}`))
      .then(() => releaseExpiredApprovals(db))
      .catch((error: unknown) => console.error(`Releasing expired approval requests failed: ${describeError(error)}`))
      .then(() => releaseDueAllotments(db))
      .catch((error: unknown) => console.error(`Releasing reserved seats failed: ${describeError(error)}`))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
