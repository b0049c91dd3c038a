import { describeError, redactText } from './describe-error';

type TLog = Pick<Console, 'error' | 'warn'>;

function redactArgument(value: unknown): unknown {
  if (value instanceof Error) return describeError(value);
  if (typeof value === 'string') return redactText(value);
  return value;
}

/**
 * Makes `console.error` and `console.warn` describe errors safely (see describeError). Installed
 * once at startup because not every error is logged by Muster's code: Next logs what a page or
 * action throws, and it would print drizzle's "Failed query … params: …" with the person's
 * values. Idempotent, so a second start in the same process does not wrap twice.
 */
export function installLogRedaction(target: TLog = console): void {
  const marked = target as TLog & { [REDACTING]?: true };
  if (marked[REDACTING]) return;
  marked[REDACTING] = true;
  for (const level of ['error', 'warn'] as const) {
    const write = target[level].bind(target);
    target[level] = (...args: unknown[]) => write(...args.map(redactArgument));
  }
}

const REDACTING = Symbol.for('muster.logRedaction');
