/**
 * The one rule for state that must exist once per process: the database handle, statement
 * runners, the mail worker's wake listeners, shutdown hooks, caches and batch queues.
 *
 * Next bundles server code into several module graphs in one process (server.ts, instrumentation,
 * pages, route handlers), each with its own copy of every module, so a module-level `const` would
 * exist once per graph: two database handles on one PGlite directory, a cache that one graph
 * fills and another never reads. State made here lives on globalThis under `muster.{key}`, made
 * on first use (never at import: `next build` imports routes) and shared by every graph.
 */
export function processSingleton<T>(key: string, make: () => T): T {
  const g = globalThis as Record<symbol, unknown>;
  const slot = Symbol.for(`muster.${key}`);
  if (!(slot in g)) g[slot] = make();
  return g[slot] as T;
}
