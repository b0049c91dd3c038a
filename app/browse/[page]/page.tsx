import { notFound } from 'next/navigation';
import { CatalogueView } from '@/app/_components/catalogue/catalogue-view';
import { getDb } from '@/db';
import { getCataloguePage, listCatalogueTopics } from '@/lib/catalogue/catalogue';

/**
 * The unfiltered catalogue (what `/` shows), rendered on the first request and then served from
 * Next's cache. refreshCatalogue() refreshes it at once on the instance where something changed;
 * other instances behind the same load balancer catch up within `revalidate` seconds (their
 * cached copy is served while a new one is made in the background). Seat counts shown there can
 * lag by that much; the registration itself always counts in the database.
 * Filtered views are rendered per request (/search).
 */
export const revalidate = 30;
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
