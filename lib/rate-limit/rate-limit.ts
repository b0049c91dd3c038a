import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { rateLimitBuckets } from '@/db/schema';

export type TRateLimit = { limit: number; windowMs: number };
export type TRateLimitResult = { allowed: boolean; hits: number; retryAfterMs: number };

/**
 * Counts one hit against `key` in a fixed window and says whether it is within the limit.
 * One upsert does the read and the write, so concurrent requests on any instance cannot both
 * see the last free slot.
 */
export async function hitRateLimit(db: Db, key: string, { limit, windowMs }: TRateLimit): Promise<TRateLimitResult> {
  const now = new Date();
  // Raw SQL parameters go as ISO strings: postgres.js cannot bind a Date inside sql``.
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const expiredSql = sql`${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        hits: sql`case when ${rateLimitBuckets.windowStart} <= ${expiredSql} then 1 else ${rateLimitBuckets.hits} + 1 end`,
        windowStart: sql`case when ${rateLimitBuckets.windowStart} <= ${expiredSql} then ${nowSql} else ${rateLimitBuckets.windowStart} end`,
      },
    })
    .returning();
  const hits = row!.hits;
  // Clamped: a concurrent request with a slightly later clock may have opened the window.
  const retryAfterMs = Math.min(windowMs, Math.max(0, row!.windowStart.getTime() + windowMs - now.getTime()));
  return { allowed: hits <= limit, hits, retryAfterMs };
}

export function describeWait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? 'a minute' : `${minutes} minutes`;
}
