import type { z } from 'zod';

export type TErrorCode =
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'slug_taken';

/**
 * The one error the domain throws on purpose. `message` is for people; `fields` maps input
 * field names to messages shown beside them (pages) or returned as JSON (API); `headers` go on
 * the API's answer (`retry-after`). toResponse and toFormState turn it into either.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: TErrorCode | (string & {}),
    message: string,
    readonly status: number,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Too many requests: carries how long to wait, as `retry-after` for the API and for a form's message. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super('rate_limited', message, 429, undefined, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) });
  }
}

export function notFoundError(what: string): AppError {
  return new AppError('not_found', `${what} was not found.`, 404);
}

export function forbiddenError(message = 'You do not have permission to do this.'): AppError {
  return new AppError('forbidden', message, 403);
}

export function unauthorizedError(message = 'Sign in, or send a valid API token.'): AppError {
  return new AppError('unauthorized', message, 401);
}

export function fieldError(field: string, message: string, code: TErrorCode = 'validation_failed', status = 422): AppError {
  return new AppError(code, message, status, { [field]: message });
}

/** Field messages from a zod error, keyed by dotted path (`venue.name`); the first per field. */
export function fieldsFromZod(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationError(error: z.ZodError): AppError {
  return new AppError('validation_failed', 'Some fields need attention.', 422, fieldsFromZod(error));
}

/**
 * Where in some input (a field path, `_` for the input itself) text holds U+0000, or undefined.
 * PostgreSQL text cannot hold it, so a stray NUL would be a failed query (a 500). Iterative: JSON
 * can nest deeper than the call stack.
 */
export function nulTextField(value: unknown): string | undefined {
  const pending: [unknown, string[]][] = [[value, []]];
  while (pending.length > 0) {
    const [item, path] = pending.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return path.join('.') || '_';
    } else if (Array.isArray(item)) {
      item.forEach((child, i) => pending.push([child, [...path, String(i)]]));
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) pending.push([child, [...path, key]]);
    }
  }
  return undefined;
}

/** Refuses text with U+0000 with the field it is in, instead of a failed query. */
function assertNoNulText(value: unknown): void {
  const field = nulTextField(value);
  if (field !== undefined) throw fieldError(field, 'Text cannot contain the NUL character (U+0000).');
}

/** Parses input or throws a 422 AppError with per-field messages. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  assertNoNulText(input);
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
