import type { Metadata } from 'next';
import { CatalogueView } from '@/app/_components/catalogue/catalogue-view';
import { getDb } from '@/db';
import { getCataloguePage, listCatalogueTopics } from '@/lib/catalogue/catalogue';
import { filtersFromSearchParams, pageFromSearchParams } from '@/lib/catalogue/filters';

export const metadata: Metadata = { title: 'Find sessions' };

type SearchParams = Record<string, string | string[] | undefined>;

/** The catalogue with filters or beyond its first page; `/?…` is rewritten here (next.config.mjs). */
export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = filtersFromSearchParams(params);
  const db = await getDb();
  const [data, topics] = await Promise.all([
    getCataloguePage(db, filters, pageFromSearchParams(params.page)),
    listCatalogueTopics(db),
  ]);
  return <CatalogueView data={data} filters={filters} topics={topics} />;
}
