import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles from the base delay', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, 60_000, middle))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never exceeds the cap plus jitter', () => {
    expect(retryDelayMs(30, 1000, 60_000, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(30, 1000, 60_000, () => 0.999)).toBeLessThanOrEqual(72_000);
  });

  it('spreads retries by up to a fifth either side', () => {
    expect(retryDelayMs(1, 1000, 60_000, () => 0)).toBe(800);
    expect(retryDelayMs(1, 1000, 60_000, () => 1)).toBe(1200);
  });
});
