import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { orNotFound } from '@/app/trainer/_components/or-not-found';
import { SessionList } from '@/app/trainer/_components/session-list';
import { WorkshopStatusBadge } from '@/app/trainer/_components/workshop-status-badge';
import { getDb, type Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { listSessionsOfWorkshop } from '@/lib/sessions/sessions';
import { suggestedTopics } from '@/lib/workshops/schemas';
import { getWorkshopForTrainer } from '@/lib/workshops/workshops';
import { WorkshopForm } from '../_components/workshop-form';
import { WorkshopStatusForm } from '../_components/workshop-status-form';
import { workshopFormValues } from '../_lib/workshop-form-values';
import { changeWorkshopStatusAction, updateWorkshopAction } from '../actions';

export const metadata: Metadata = { title: 'Edit workshop' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ notice?: string | string[]; count?: string | string[] }>;
};

const STATUS_TEXT = {
  draft: 'A draft: only trainers see it. Publish it to put it and its public sessions in the catalogue.',
  published: 'Published: the workshop and its public sessions are in the catalogue.',
  archived: 'Archived: kept for the record, not in the catalogue.',
} as const;

/** Fixed texts for the redirects that land here; nothing from the address is echoed. */
function noticeText(notice: unknown, count: unknown): string | null {
  if (notice === 'created') return 'Workshop created. Schedule its sessions below, and publish it when it is ready.';
  if (notice === 'session-saved') return 'Session saved.';
  if (notice === 'sessions-added') {
    const n = typeof count === 'string' && /^\d{1,2}$/.test(count) ? Number(count) : 1;
    return n === 1 ? 'Session added.' : `${n} sessions added.`;
  }
  return null;
}

/** The workshop's sessions in start order, each marked past once it has ended. */
async function listSessions(db: Db, actor: TActor, workshopId: string, now = Date.now()) {
  return (await listSessionsOfWorkshop(db, actor, workshopId)).map((session) => ({ ...session, past: Date.parse(session.endsAt) <= now }));
}

export default async function EditWorkshopPage({ params, searchParams }: Props) {
  const { id } = await params;
  const trainer = await requireRole('trainer', `/trainer/workshops/${id}`);
  const actor = { id: trainer.id, role: trainer.role };
  const db = await getDb();
  const workshop = await orNotFound(getWorkshopForTrainer(db, actor, id));
  const sessions = await listSessions(db, actor, workshop.id);
  const { notice, count } = await searchParams;
  const message = noticeText(notice, count);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/trainer/workshops">Workshops</Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <p className="text-sm font-semibold tracking-wide text-slate-700 uppercase">Edit workshop</p>
          <h1 className="text-3xl font-bold">{workshop.title}</h1>
          <p className="text-slate-700">
            Public address: <code className="break-all">/workshops/{workshop.slug}</code>
          </p>
        </div>
        <Link href={`/trainer/workshops/${workshop.id}/preview`} className="btn-secondary">
          Preview
        </Link>
      </div>

      {message && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {message}
        </p>
      )}

      <section aria-labelledby="status" className="card space-y-3">
        <h2 id="status" className="flex flex-wrap items-center gap-3 text-xl font-semibold">
          Status <WorkshopStatusBadge status={workshop.status} />
        </h2>
        <p className="text-slate-700">{STATUS_TEXT[workshop.status]}</p>
        <WorkshopStatusForm action={changeWorkshopStatusAction.bind(null, workshop.id)} status={workshop.status} />
      </section>

      <section aria-labelledby="sessions" className="card space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="sessions" className="text-xl font-semibold">
            Sessions
          </h2>
          <Link href={`/trainer/workshops/${workshop.id}/sessions/new`} className="btn-primary">
            Add sessions
          </Link>
        </div>
        {sessions.length === 0 ? (
          <p className="text-slate-700">No sessions yet. Add one, or a weekly series.</p>
        ) : (
          <SessionList sessions={sessions} />
        )}
      </section>

      <section aria-labelledby="details" className="card space-y-4">
        <h2 id="details" className="text-xl font-semibold">
          Details
        </h2>
        <WorkshopForm
          action={updateWorkshopAction.bind(null, workshop.id)}
          workshop={workshopFormValues(workshop)}
          mode="update"
          suggestedTopics={suggestedTopics}
        />
      </section>
    </div>
  );
}
