import { sql, type SQL } from 'drizzle-orm';

/** A page number as it came in a URL; anything else means page 1 (the query keeps it within the list). */
export function askedPage(requested: unknown): number {
  return typeof requested === 'string' && /^\d{1,6}$/.test(requested) ? Math.max(1, Number(requested)) : 1;
}

/**
 * The page a query shows of a list whose rows carry their 1-based place `n` and the list's
 * `total` (row_number() and count(*) over the same window): the one asked for, or the last
 * when that is past the end.
 */
export function shownPage(asked: number | SQL, size: number): SQL {
  return sql`least(${asked}::int, greatest(1, ceil(total / ${size}::numeric))::int)`;
}

/** Whether a row with place `n` is on that page. */
export function onShownPage(asked: number | SQL, size: number): SQL {
  return sql`(n > (${shownPage(asked, size)} - 1) * ${size} and n <= ${shownPage(asked, size)} * ${size})`;
}
