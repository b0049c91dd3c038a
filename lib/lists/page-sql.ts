import { sql, type SQL } from 'drizzle-orm';

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
