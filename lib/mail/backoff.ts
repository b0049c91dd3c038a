/**
 * Delay before the next delivery attempt: doubling from `baseMs`, capped at `maxMs`, with ±20%
 * jitter so messages that failed together do not all retry in the same instant.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
