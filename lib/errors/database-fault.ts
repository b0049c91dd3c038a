/**
 * What a failed query says about itself that is safe to act on and to log: the SQLSTATE and the
 * names of the constraint, table and column. Never the message, detail or parameters — those
 * carry the values (`Key (email)=(…) already exists`, drizzle's `params: …`).
 */
export type TDatabaseFault = { sqlState: string; constraint?: string; table?: string; column?: string };

const SQLSTATE = /^[0-9A-Z]{5}$/;

function named(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The driver's error behind a failed query, or undefined when the error is not one. Drizzle wraps
 * driver errors (the SQLSTATE is on `cause`); postgres.js names fields `constraint_name`,
 * `table_name`, `column_name`, PGlite `constraint`, `table`, `column`.
 */
export function databaseFault(error: unknown): TDatabaseFault | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const fields = e as Record<string, unknown>;
    if (typeof fields.code !== 'string' || !SQLSTATE.test(fields.code)) continue;
    // postgres.js and PGlite both set `severity` on server errors; a Node error code (ECONNRESET) has none.
    if (typeof fields.severity !== 'string' && typeof fields.severity_local !== 'string') continue;
    return {
      sqlState: fields.code,
      constraint: named(fields.constraint_name ?? fields.constraint),
      table: named(fields.table_name ?? fields.table),
      column: named(fields.column_name ?? fields.column),
    };
  }
  return undefined;
}

/** Whether a query failed on a unique index (any, or the one named). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const fault = databaseFault(error);
  if (fault?.sqlState !== '23505') return false;
  return !constraint || fault.constraint === undefined || fault.constraint === constraint;
}

/** SQLSTATE class 22, data exception: a value PostgreSQL cannot store or compare (a date out of its range). */
export function isDataException(error: unknown): boolean {
  return databaseFault(error)?.sqlState.startsWith('22') ?? false;
}
