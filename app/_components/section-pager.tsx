import Link from 'next/link';
import type { TListPage } from '@/lib/lists/page-of';

/**
 * "101–200 of 2,000" with links to the neighbouring pages of one section of a long list; the
 * other sections keep the pages they were on (`pageParams`). `section` names both the URL
 * parameter and the anchor the links return to.
 */
export function SectionPager({
  label,
  section,
  anchor = section,
  page,
  pageParams,
}: {
  label: string;
  section: string;
  anchor?: string;
  page: TListPage<unknown>;
  pageParams: Record<string, string>;
}) {
  if (page.pages === 1) return null;
  const href = (to: number) => `?${new URLSearchParams({ ...pageParams, [section]: String(to) }).toString()}#${anchor}`;
  const link = 'rounded-md border border-slate-300 px-3 py-2 font-semibold text-slate-900 underline-offset-2 hover:underline focus-visible:outline-2';
  return (
    <nav aria-label={`${label}: pages`} className="mt-3 flex flex-wrap items-center gap-3">
      <p className="text-slate-700">
        {`Showing ${page.first.toLocaleString('en-US')}–${page.last.toLocaleString('en-US')} of ${page.total.toLocaleString('en-US')}`}
      </p>
      {page.page > 1 && (
        <Link className={link} href={href(page.page - 1)}>
          {`Previous ${label.toLowerCase()}`}
        </Link>
      )}
      {page.page < page.pages && (
        <Link className={link} href={href(page.page + 1)}>
          {`Next ${label.toLowerCase()}`}
        </Link>
      )}
    </nav>
  );
}
