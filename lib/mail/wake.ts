import 'server-only';

import { processSingleton } from '@/lib/process/process-singleton';

// Callers (server actions) and the worker (started from instrumentation) live in different
// bundles of the same process.
const listeners = () => processSingleton('mail-wake', () => new Set<() => void>());

/** Asks the in-process worker, if any, to look at the outbox now rather than at its next poll. */
export function wakeMailWorker(): void {
  for (const listener of listeners()) listener();
}

export function onMailWake(listener: () => void): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
