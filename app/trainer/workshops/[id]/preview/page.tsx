import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { WorkshopArticle } from '@/app/_components/catalogue/workshop-article';
import { orNotFound } from '@/app/trainer/_components/or-not-found';
import { WorkshopStatusBadge } from '@/app/trainer/_components/workshop-status-badge';
import { getDb, type Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { listSessionsOfWorkshop } from '@/lib/sessions/sessions';
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

      <WorkshopArticle workshop={workshop} sessions={sessions} linkSessions={false} />
    </div>
  );
}
