import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ContentNotice } from '@/app/_components/catalogue/content-notice';
import { SessionLine } from '@/app/_components/catalogue/session-line';
import { WorkshopDetails } from '@/app/_components/catalogue/workshop-details';
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
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{workshop.title}</h1>
        {workshop.summary && <p className="text-lg text-slate-700">{workshop.summary}</p>}
      </header>
      <ContentNotice text={workshop.contentNotice} />
      <section aria-labelledby="sessions" className="card">
        <h2 id="sessions" className="text-xl font-semibold">
          Upcoming sessions
        </h2>
        {sessions.length === 0 ? (
          <p className="mt-2">No sessions are scheduled right now.</p>
        ) : (
          <ul className="mt-2">
            {sessions.map((session) => (
              <SessionLine key={session.id} session={session} />
            ))}
          </ul>
        )}
      </section>
      <WorkshopDetails workshop={workshop} />
    </article>
  );
}
