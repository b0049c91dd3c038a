import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { ContentNotice } from '@/app/_components/catalogue/content-notice';
import { placeText, seatsText } from '@/app/_components/catalogue/session-line';
import { WorkshopDetails } from '@/app/_components/catalogue/workshop-details';
import { orNotFound } from '@/app/trainer/_components/or-not-found';
import { WorkshopStatusBadge } from '@/app/trainer/_components/workshop-status-badge';
import { getDb, type Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { listSessionsOfWorkshop } from '@/lib/sessions/sessions';
import { formatSessionRange } from '@/lib/time/zoned';
import { getWorkshopForTrainer } from '@/lib/workshops/workshops';

export const metadata: Metadata = { title: 'Workshop preview', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** What the public page lists (catalogueWhere): scheduled, public sessions that have not started. */
async function listPublicSessions(db: Db, actor: TActor, workshopId: string, now = Date.now()) {
  return (await listSessionsOfWorkshop(db, actor, workshopId)).filter(
    (session) => session.status === 'scheduled' && session.visibility === 'public' && Date.parse(session.startsAt) > now,
  );
}

/** The public workshop page as it will look, drafts included, with the sessions the public will see. */
export default async function WorkshopPreviewPage({ params }: Props) {
  const { id } = await params;
  const trainer = await requireRole('trainer', `/trainer/workshops/${id}/preview`);
  const actor = { id: trainer.id, role: trainer.role };
  const db = await getDb();
  const workshop = await orNotFound(getWorkshopForTrainer(db, actor, id));
  const sessions = await listPublicSessions(db, actor, workshop.id);

  return (
    <div className="space-y-6">
      <div role="note" aria-label="Preview" className="space-y-2 rounded-lg border-2 border-dashed border-brand-700 bg-brand-50 p-4">
        <p className="font-semibold">
          Preview: this is how the public page of this workshop will look. <WorkshopStatusBadge status={workshop.status} />
        </p>
        <p className="text-sm text-slate-800">
          {workshop.status === 'published'
            ? `The public sees it at /workshops/${workshop.slug}.`
            : 'The public cannot see it until you publish it.'}{' '}
          Registration is not possible from the preview.
        </p>
        <p className="flex flex-wrap gap-4">
          <Link href={`/trainer/workshops/${workshop.id}`}>Back to editing</Link>
          {workshop.status === 'published' && <Link href={`/workshops/${workshop.slug}`}>Open the public page</Link>}
        </p>
      </div>

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
                <li
                  key={session.id}
                  className="flex flex-col gap-1 border-t border-slate-200 py-3 first:border-t-0 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div>
                    <p className="font-semibold">{formatSessionRange(new Date(session.startsAt), new Date(session.endsAt), session.timeZone)}</p>
                    <p className="text-sm text-slate-700">{placeText(session)}</p>
                    {session.partnerAgency && (
                      <p className="text-sm text-slate-700">
                        <span className="mr-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">Joint session</span>
                        with {session.partnerAgency.name}
                      </p>
                    )}
                  </div>
                  <p className={`text-sm font-semibold ${session.seatsLeft === 0 ? 'text-amber-800' : 'text-green-800'}`}>{seatsText(session)}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        {/* renderMarkdown inside sanitises the description: no scripts, handlers or javascript: links. */}
        <WorkshopDetails workshop={workshop} />
      </article>
    </div>
  );
}
