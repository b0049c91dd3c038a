import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { trainingSessions, workshops, type TTrainingSession } from '@/db/schema';
import type { TPlaceSession } from './messages';

export type TLoadedSession = TTrainingSession & { workshopTitle: string; workshopSlug: string; whatToBring: string; workshopStatus: string };

/**
 * A session with the workshop fields its emails need. With `lock`, the session row is locked
 * for the rest of the transaction: every change to its places queues behind it, across instances.
 */
export async function loadPlaceSession(db: Db, sessionId: string, options: { lock?: boolean } = {}): Promise<TLoadedSession | undefined> {
  const query = db
    .select({
      session: trainingSessions,
      workshopTitle: workshops.title,
      workshopSlug: workshops.slug,
      whatToBring: workshops.whatToBring,
      workshopStatus: workshops.status,
    })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(eq(trainingSessions.id, sessionId));
  const [row] = options.lock ? await query.for('update', { of: trainingSessions }) : await query;
  return row && { ...row.session, workshopTitle: row.workshopTitle, workshopSlug: row.workshopSlug, whatToBring: row.whatToBring, workshopStatus: row.workshopStatus };
}

export type { TPlaceSession };
