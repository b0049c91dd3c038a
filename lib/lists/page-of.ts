/** How many rows a section of a long list shows at once (a roster, an agency's officers): it stays quick to load and to read. */
export const LIST_PAGE_SIZE = 100;

export type TListPage<T> = {
  items: T[];
  /** 1-based; a page past the end shows the last one. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown (0 and 0 when the list is empty). */
  first: number;
  last: number;
  total: number;
};

/** A page number as it came in a URL (1-based); anything else means page 1. */
export function askedPage(requested: unknown): number {
  return typeof requested === 'string' && /^\d{1,6}$/.test(requested) ? Math.max(1, Number(requested)) : 1;
}

/**
 * Which rows the page asked for in a URL shows, out of `total` (anything but a page number means
 * page 1; a page past the end, the last): for a query that pages in the database.
 */
export function pageWindow(requested: unknown, total: number, size = LIST_PAGE_SIZE): { page: number; offset: number; limit: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(askedPage(requested), pages);
  return { page, offset: (page - 1) * size, limit: size };
}

/** The page a query showed, from the 1-based place of its first row (a list with no rows shows page 1). */
export function listPageFrom<T>(items: T[], firstPlace: number | null | undefined, total: number, size = LIST_PAGE_SIZE): TListPage<T> {
  return listPage(items, firstPlace ? Math.ceil(firstPlace / size) : 1, total, size);
}

/** The page `page` of a list of `total` rows, holding `items`. */
export function listPage<T>(items: T[], page: number, total: number, size = LIST_PAGE_SIZE): TListPage<T> {
  const start = (page - 1) * size;
  return { items, page, pages: Math.max(1, Math.ceil(total / size)), first: items.length ? start + 1 : 0, last: start + items.length, total };
}

/** One page of a list, from a page number as it came in a URL (anything else means page 1). */
export function pageOf<T>(items: readonly T[], requested: unknown, size = LIST_PAGE_SIZE): TListPage<T> {
  const { page, offset } = pageWindow(requested, items.length, size);
  return listPage(items.slice(offset, offset + size), page, items.length, size);
}

/** The URL parameters that keep each section on the page it shows (page 1 needs none), for links that move one of them. */
export function pageParamsOf(pages: Record<string, TListPage<unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(pages).flatMap(([name, page]) => (page.page > 1 ? [[name, String(page.page)]] : [])));
}
