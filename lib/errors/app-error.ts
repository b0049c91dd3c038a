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
 * field names to messages shown beside them (pages) or returned as JSON (API).
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: TErrorCode | (string & {}),
    message: string,
    readonly status: number,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
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

/** The path of the first string holding a NUL character, which PostgreSQL text cannot store. */
export function pathOfNul(value: unknown, path: (string | number)[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '_' : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = pathOfNul(item, [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = pathOfNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Parses input or throws a 422 AppError with per-field messages. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const nulAt = pathOfNul(input);
  if (nulAt) throw fieldError(nulAt, 'This text contains a control character that cannot be saved.');
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
