import { AsyncLocalStorage } from 'node:async_hooks';
import { processSingleton } from '@/lib/process/process-singleton';

// server.ts and the code Next loads are separate module graphs in one process: each graph would
// otherwise see its own empty store.
const store = () => processSingleton('request-address', () => new AsyncLocalStorage<string>());

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
