import 'server-only';
import type { Db } from '@/db';
import { runStatement } from '@/db/client';
import { statement } from '@/db/static-statement';

export type TRateLimit = { limit: number; windowMs: number };
export type TRateLimitResult = { allowed: boolean; hits: number; retryAfterMs: number };

/**
 * The upsert that counts one hit against `key` in a fixed window, returning the bucket. One
 * statement does the read and the write, so concurrent requests on any instance cannot both see
 * the last free slot. A bucket whose window began at or before `expired` starts a new window at
 * `now`.
 */
const RATE_LIMIT_HIT = statement<'rateKey' | 'now' | 'expired', { hits: number; window_start: string | Date }>`
  insert into rate_limit_buckets as b (key, window_start, hits)
  values (${'rateKey'}::text, ${'now'}::timestamptz, 1)
  on conflict (key) do update
     set hits = case when b.window_start <= ${'expired'}::timestamptz then 1 else b.hits + 1 end,
         window_start = case when b.window_start <= ${'expired'}::timestamptz then ${'now'}::timestamptz else b.window_start end
  returning hits, window_start`;

/** The values of RATE_LIMIT_HIT; times go as ISO strings, which every driver binds alike. */
function rateLimitHitValues(key: string, windowMs: number, now: Date) {
  return { rateKey: key, now: now.toISOString(), expired: new Date(now.getTime() - windowMs).toISOString() };
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
  const [bucket] = await runStatement(db, RATE_LIMIT_HIT, rateLimitHitValues(key, rule.windowMs, now));
  return rateLimitResult({ hits: Number(bucket!.hits), windowStart: new Date(bucket!.window_start) }, rule, now);
}


export function describeWait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? 'a minute' : `${minutes} minutes`;
}
