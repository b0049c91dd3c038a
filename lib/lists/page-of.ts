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

/** One page of a list, from a page number as it came in a URL (anything else means page 1). */
export function pageOf<T>(items: readonly T[], requested: unknown, size = LIST_PAGE_SIZE): TListPage<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const asked = typeof requested === 'string' && /^\d{1,6}$/.test(requested) ? Number(requested) : 1;
  const page = Math.min(Math.max(asked, 1), pages);
  const start = (page - 1) * size;
  const shown = items.slice(start, start + size);
  return { items: shown, page, pages, first: shown.length ? start + 1 : 0, last: start + shown.length, total: items.length };
}

/** The URL parameters that keep each section on the page it shows (page 1 needs none), for links that move one of them. */
export function pageParamsOf(pages: Record<string, TListPage<unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(pages).flatMap(([name, page]) => (page.page > 1 ? [[name, String(page.page)]] : [])));
}
