import 'server-only';
import { describeError } from '@/lib/errors/describe-error';
import { processSingleton } from '@/lib/process/process-singleton';

// server.ts and the code Next loads from instrumentation are separate module graphs in one process.
const hooks = () => processSingleton('shutdown-hooks', (): (() => Promise<void>)[] => []);

export function onShutdown(hook: () => Promise<void>): void {
  hooks().push(hook);
}

/** Runs the hooks newest first (the worker stops before the database closes). */
export async function runShutdownHooks(): Promise<void> {
  for (const hook of hooks().splice(0).reverse()) {
    await hook().catch((error: unknown) => console.error(`shutdown: ${describeError(error)}`));
  }
}
