import 'server-only';
import type { Db } from '@/db';
import { sessionsDueForRelease } from './allotments';
import { promoteFromWaitlist } from './waitlist';

/**
 * Releases the reserved seats of sessions whose release date has come: in one transaction per
 * session, the unused ones join the open pool and the waitlist moves into them (each person
 * promoted is emailed once). Safe from several instances at once: the session lock serialises
 * them and the second finds the seats released. Answers how many sessions were released.
 */
export async function releaseDueAllotments(db: Db, now = new Date(), batch = 50): Promise<number> {
  const due = await sessionsDueForRelease(db, now, batch);
  for (const sessionId of due) await db.transaction((tx) => promoteFromWaitlist(tx, sessionId, now));
  return due.length;
}
