import { describe, expect, it, vi } from 'vitest';
import { processSingleton } from './process-singleton';

describe('processSingleton', () => {
  it('makes the value once per key, on first use', () => {
    const make = vi.fn(() => new Map<string, number>());
    const first = processSingleton('test-singleton-once', make);
    expect(processSingleton('test-singleton-once', make)).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
    expect(processSingleton('test-singleton-other', () => new Map())).not.toBe(first);
  });

  it('is found by another copy of the module, as a second module graph of the process has', () => {
    const value = processSingleton('test-singleton-shared', () => ({ n: 1 }));
    // A second copy of this module reaches the slot through the same global symbol.
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('muster.test-singleton-shared')]).toBe(value);
  });

  it('keeps a falsy value rather than making it again', () => {
    const make = vi.fn(() => 0);
    processSingleton('test-singleton-zero', make);
    processSingleton('test-singleton-zero', make);
    expect(make).toHaveBeenCalledTimes(1);
  });
});
