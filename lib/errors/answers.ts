import { AppError } from './app-error';
import { isDataException } from './database-fault';
import { describeError } from './describe-error';

type TLog = Pick<Console, 'error' | 'warn'>;

/**
 * An error Muster can answer as bad input or a refusal, or undefined for a fault. A value
 * PostgreSQL refuses (SQLSTATE class 22: a date out of its range) is bad input all the same, so
 * a 422, not a 500; it is logged because a schema should have caught it.
 */
export function knownError(error: unknown, log: TLog = console): AppError | undefined {
  if (error instanceof AppError) return error;
  if (isDataException(error)) {
    log.warn(`input the schemas let through: ${describeError(error)}`);
    return new AppError('validation_failed', 'A value cannot be stored: check dates and text.', 422);
  }
  return undefined;
}

/**
 * Any error as the API's answer: `{"error":{"code","message","fields"?}}` with the AppError's
 * status and headers; a fault is logged without personal data and answered with a plain 500
 * that reveals nothing.
 */
export function toResponse(error: unknown, log: TLog = console): Response {
  const known = knownError(error, log);
  if (!known) {
    log.error(`api: ${describeError(error)}`);
    return Response.json({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } }, { status: 500 });
  }
  const headers = new Headers(known.headers);
  if (known.status === 401) headers.set('www-authenticate', 'Bearer');
  const body = { code: known.code, message: known.message, ...(known.fields ? { fields: known.fields } : {}) };
  return Response.json({ error: body }, { status: known.status, headers });
}

/** What a form's server action returns to useActionState. */
export type TFormState = {
  ok?: boolean;
  message?: string;
  error?: string;
  fields?: Record<string, string>;
  /** What the person typed, so a refused form keeps it. */
  values?: Record<string, string>;
};

/** The text fields of a submitted form (Next's own `$ACTION_…` keys left out). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$')) values[key] = value;
  }
  return values;
}

/**
 * Any error as a form's state: the message, messages beside the fields, and what was typed so
 * nothing is lost. A fault is rethrown (Next shows the error page and logs it, redacted).
 */
export function toFormState(error: unknown, formData?: FormData): TFormState {
  const known = knownError(error);
  if (!known) throw error;
  return { error: known.message, fields: known.fields, ...(formData ? { values: formValues(formData) } : {}) };
}
