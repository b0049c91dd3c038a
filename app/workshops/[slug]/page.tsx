import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { WorkshopArticle } from '@/app/_components/catalogue/workshop-article';
import { getDb } from '@/db';
import { listUpcomingSessionsOfWorkshop } from '@/lib/catalogue/catalogue';
import { getPublishedWorkshopBySlug } from '@/lib/workshops/workshops';

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  const db = await getDb();
  const workshop = await getPublishedWorkshopBySlug(db, slug);
  if (!workshop) notFound();
  return { workshop, sessions: await listUpcomingSessionsOfWorkshop(db, workshop.id) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const db = await getDb();
  const workshop = await getPublishedWorkshopBySlug(db, (await params).slug);
  return { title: workshop?.title ?? 'Workshop not found', description: workshop?.summary };
}

export default async function WorkshopPage({ params }: Props) {
  const { workshop, sessions } = await load((await params).slug);
  return <WorkshopArticle workshop={workshop} sessions={sessions} />;
}
