import { fieldError } from '@/lib/errors/app-error';

const MESSAGE = 'Text cannot contain the NUL character (U+0000).';

/**
 * PostgreSQL text cannot hold U+0000 and the schemas let it through, so without this a stray NUL
 * is a failed query (500). Refused here with the field it is in. Iterative: JSON can nest deeper
 * than the call stack.
 */
export function assertNoNulText(value: unknown): void {
  const pending: [unknown, string[]][] = [[value, []]];
  while (pending.length > 0) {
    const [item, path] = pending.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) throw fieldError(path.join('.') || '_', MESSAGE);
    } else if (Array.isArray(item)) {
      item.forEach((child, i) => pending.push([child, [...path, String(i)]]));
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) pending.push([child, [...path, key]]);
    }
  }
}
