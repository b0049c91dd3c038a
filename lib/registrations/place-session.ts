import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions, workshops, type TTrainingSession } from '@/db/schema';
import { mayTakeSeat } from '@/lib/sessions/audience';
import type { TPlaceSession } from './messages';

/**
 * Whether a registration's holder has not been told of the place yet: held for its email or
 * waiting for approval. Such a place gets no invite, and neither its promotion nor its end is
 * news to its holder.
 */
export const untoldPlace = sql<boolean>`(${registrations.holdExpiresAt} is not null or ${registrations.approvalExpiresAt} is not null)`;

export type TLoadedSession = TTrainingSession & {
  workshopTitle: string;
  workshopSlug: string;
  whatToBring: string;
  workshopStatus: string;
  /** With `activeEmail`: whether that address already holds a place in the session. */
  emailActive: boolean;
  /** With `clientKey`: the active places registered from that address. */
  placesFromAddress: number;
  /** With `activeEmail`: whether that address may take a seat (see mayTakeSeat); true without one. */
  inAudience: boolean;
};

/**
 * A session with the workshop fields its emails need. With `lock`, the session row is locked
 * for the rest of the transaction: every change to its places queues behind it, across instances.
 */
export async function loadPlaceSession(
  db: Db,
  sessionId: string,
  options: { lock?: boolean; activeEmail?: string; clientKey?: string } = {},
): Promise<TLoadedSession | undefined> {
  const r = registrations;
  // Asked in the same query so registering costs one round trip before its statement, not two.
  const emailActive = options.activeEmail
    ? sql<boolean>`exists (${db
        .select({ one: sql`1` })
        .from(r)
        .where(and(eq(r.sessionId, trainingSessions.id), eq(r.email, options.activeEmail), ne(r.status, 'cancelled')))})`
    : sql<boolean>`false`;
  const placesFromAddress = options.clientKey
    ? sql<number>`(${db
        .select({ places: sql`count(*)::int` })
        .from(r)
        .where(and(eq(r.sessionId, trainingSessions.id), eq(r.clientKey, options.clientKey), ne(r.status, 'cancelled')))})`
    : sql<number>`0`;
  const inAudience = options.activeEmail ? mayTakeSeat(trainingSessions, sql`${options.activeEmail}`) : sql<boolean>`true`;
  const query = db
    .select({
      session: trainingSessions,
      workshopTitle: workshops.title,
      workshopSlug: workshops.slug,
      whatToBring: workshops.whatToBring,
      workshopStatus: workshops.status,
      emailActive,
      placesFromAddress,
      inAudience,
    })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(eq(trainingSessions.id, sessionId));
  const [row] = options.lock ? await query.for('update', { of: trainingSessions }) : await query;
  return (
    row && {
      ...row.session,
      workshopTitle: row.workshopTitle,
      workshopSlug: row.workshopSlug,
      whatToBring: row.whatToBring,
      workshopStatus: row.workshopStatus,
      emailActive: Boolean(row.emailActive),
      placesFromAddress: Number(row.placesFromAddress),
      inAudience: Boolean(row.inAudience),
    }
  );
}

export type { TPlaceSession };
