import { notFound } from 'next/navigation';
import { CatalogueView } from '@/app/_components/catalogue/catalogue-view';
import { getDb } from '@/db';
import { getCataloguePage, listCatalogueTopics } from '@/lib/catalogue/catalogue';

/**
 * The unfiltered catalogue (what `/` shows), rendered on the first request and then served from
 * Next's cache until refreshCatalogue() says something changed; the hourly expiry only moves
 * sessions that have started off the list. Filtered views are rendered per request (/search).
 */
export const revalidate = 3600;
export const dynamicParams = true;

export function generateStaticParams(): { page: string }[] {
  // Nothing at build time: the build has no database. Pages are made on first request.
  return [];
}

export default async function BrowsePage({ params }: { params: Promise<{ page: string }> }) {
  const page = Number((await params).page);
  if (!Number.isInteger(page) || page < 1 || page > 10_000) notFound();
  const db = await getDb();
  const [data, topics] = await Promise.all([getCataloguePage(db, {}, page), listCatalogueTopics(db)]);
  if (page > data.pageCount) notFound();
  return <CatalogueView data={data} filters={{}} topics={topics} />;
}
