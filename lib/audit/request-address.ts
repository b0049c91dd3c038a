import { AsyncLocalStorage } from 'node:async_hooks';

// server.ts and the code Next loads are separate module graphs in one process: the store is
// shared through globalThis, or each graph would see its own empty one.
const STORE = Symbol.for('muster.requestAddress');
type GlobalWithStore = typeof globalThis & { [STORE]?: AsyncLocalStorage<string> };

function store(): AsyncLocalStorage<string> {
  const g = globalThis as GlobalWithStore;
  g[STORE] ??= new AsyncLocalStorage<string>();
  return g[STORE];
}

/**
 * Runs one request's handling with its client address known to everything it calls, so the
 * audit log records where a look at personal data came from without every domain call passing
 * it along. server.ts wraps each request; outside one (scripts, tests) there is no address.
 */
export function withRequestAddress<T>(address: string, handle: () => T): T {
  return store().run(address, handle);
}

export function currentRequestAddress(): string | undefined {
  return store().getStore();
}
