import 'server-only';

// Callers (server actions) and the worker (started from instrumentation) live in different
// bundles of the same process, so the signal goes through globalThis.
const LISTENERS = Symbol.for('muster.mail-wake');
type GlobalWithWake = typeof globalThis & { [LISTENERS]?: Set<() => void> };

function listeners(): Set<() => void> {
  const g = globalThis as GlobalWithWake;
  g[LISTENERS] ??= new Set();
  return g[LISTENERS];
}

/** Asks the in-process worker, if any, to look at the outbox now rather than at its next poll. */
export function wakeMailWorker(): void {
  for (const listener of listeners()) listener();
}

export function onMailWake(listener: () => void): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
