import 'server-only';
import type { Db } from '@/db';
import { runStatement } from '@/db/client';
import { statement } from '@/db/static-statement';

export type TRateLimit = { limit: number; windowMs: number };
export type TRateLimitResult = { allowed: boolean; hits: number; retryAfterMs: number };

/**
 * How a bucket takes new hits: a bucket whose window began at or before `expired` starts a new
 * window at `now` with them, any other adds them. One statement does the read and the write, so
 * concurrent requests on any instance cannot both see the last free slot.
 */
const ON_CONFLICT_COUNT = statement<'now' | 'expired'>`on conflict (key) do update
     set hits = case when b.window_start <= ${'expired'}::timestamptz then excluded.hits else b.hits + excluded.hits end,
         window_start = case when b.window_start <= ${'expired'}::timestamptz then ${'now'}::timestamptz else b.window_start end`;

/** Counts one hit against `rateKey`, returning the bucket. */
const RATE_LIMIT_HIT = statement<'rateKey' | 'now' | 'expired', { hits: number; window_start: string | Date }>`
  insert into rate_limit_buckets as b (key, window_start, hits)
  values (${'rateKey'}::text, ${'now'}::timestamptz, 1)
  ${ON_CONFLICT_COUNT}
  returning hits, window_start`;

/**
 * For a larger statement that counts hits alongside its own write (a seat and its registration,
 * one round trip): counts one hit per row of the caller's `rate_limit_hits(rate_key)` relation
 * (rows without a key count nothing), returning each bucket's key, hits and window_start.
 * Values: rateLimitWindow.
 */
export const RATE_LIMIT_COUNT_HITS = statement<'now' | 'expired'>`insert into rate_limit_buckets as b (key, window_start, hits)
    select rate_key, ${'now'}::timestamptz, count(*)::int from rate_limit_hits where rate_key is not null group by rate_key
    ${ON_CONFLICT_COUNT}
    returning key, hits, window_start`;

/** The window values of the statements above; times go as ISO strings, which every driver binds alike. */
export function rateLimitWindow(windowMs: number, now: Date) {
  return { now: now.toISOString(), expired: new Date(now.getTime() - windowMs).toISOString() };
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
  const [bucket] = await runStatement(db, RATE_LIMIT_HIT, { rateKey: key, ...rateLimitWindow(rule.windowMs, now) });
  return rateLimitResult({ hits: Number(bucket!.hits), windowStart: new Date(bucket!.window_start) }, rule, now);
}


export function describeWait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? 'a minute' : `${minutes} minutes`;
}
