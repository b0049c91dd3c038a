import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { queryRowsPrepared } from '@/db/client';
import { rateLimitBuckets } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';

export type TRateLimit = { limit: number; windowMs: number };
export type TRateLimitResult = { allowed: boolean; hits: number; retryAfterMs: number };

/**
 * The upsert that counts one hit against `key` in a fixed window, returning the bucket. One
 * statement does the read and the write, so concurrent requests on any instance cannot both see
 * the last free slot. Exposed so a caller can make it part of a larger statement.
 */
export function rateLimitHitQuery(db: Db, key: string, windowMs: number, now: Date) {
  // Raw SQL parameters go as ISO strings: postgres.js cannot bind a Date inside sql``.
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const expiredSql = sql`${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  return db
    .insert(rateLimitBuckets)
    .values({ key, windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        hits: sql`case when ${rateLimitBuckets.windowStart} <= ${expiredSql} then 1 else ${rateLimitBuckets.hits} + 1 end`,
        windowStart: sql`case when ${rateLimitBuckets.windowStart} <= ${expiredSql} then ${nowSql} else ${rateLimitBuckets.windowStart} end`,
      },
    })
    .returning({ hits: rateLimitBuckets.hits, windowStart: rateLimitBuckets.windowStart });
}

/** Whether a bucket as counted is within the limit, and how long until its window ends. */
export function rateLimitResult(bucket: { hits: number; windowStart: Date }, { limit, windowMs }: TRateLimit, now: Date): TRateLimitResult {
  // Clamped: a concurrent request with a slightly later clock may have opened the window.
  const retryAfterMs = Math.min(windowMs, Math.max(0, bucket.windowStart.getTime() + windowMs - now.getTime()));
  return { allowed: bucket.hits <= limit, hits: bucket.hits, retryAfterMs };
}

/** Counts one hit against `key` and says whether it is within the limit. */
export async function hitRateLimit(db: Db, key: string, rule: TRateLimit): Promise<TRateLimitResult> {
  const now = new Date();
  const [bucket] = await queryRowsPrepared<{ hits: number; window_start: string | Date }>(db, rateLimitHitQuery(db, key, rule.windowMs, now).getSQL());
  return rateLimitResult({ hits: Number(bucket!.hits), windowStart: new Date(bucket!.window_start) }, rule, now);
}

/** Too many requests: carries how long to wait, for a `retry-after` header. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super('rate_limited', message, 429);
  }
}

export function describeWait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? 'a minute' : `${minutes} minutes`;
}
