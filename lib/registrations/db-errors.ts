/** The unique index that keeps one active place per email in a session. */
export const ACTIVE_EMAIL_INDEX = 'registrations_active_email_uq';

/**
 * Whether a query failed on a unique index. Drizzle wraps driver errors (the code is on
 * `cause`); postgres.js names the index `constraint_name`, PGlite `constraint`.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint_name, constraint: name } = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (code !== '23505') continue;
    const violated = constraint_name ?? name;
    return !constraint || violated === undefined || violated === constraint;
  }
  return false;
}
