import 'server-only';
import type { Db } from '@/db';
import { describeError } from '@/lib/errors/describe-error';
import { releaseExpiredHolds } from './hold';

/**
 * Frees unconfirmed holds once a minute, in every server (releasing is safe from several at
 * once), so a held seat goes back at most a minute after its 30 minutes. Returns the stop.
 */
export function startHoldSweeper(db: Db, everyMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    releaseExpiredHolds(db)
      .catch((error: unknown) => console.error(`Releasing expired holds failed: ${describeError(error)}`))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
