import 'server-only';
import type { Db } from '@/db';
import { describeError } from '@/lib/errors/describe-error';
import { releaseExpiredApprovals } from './approval';
import { releaseExpiredHolds } from './hold';
import { releaseDueAllotments } from './seating';

/**
 * Once a minute in every server, frees unconfirmed holds and requests not approved in time, and
 * releases reserved seats whose date has come (each is safe from several servers at once), so a
 * held seat goes back at most a minute after its 30 minutes. Returns the stop.
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
