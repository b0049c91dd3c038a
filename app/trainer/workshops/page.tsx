import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { WorkshopStatusBadge } from '@/app/trainer/_components/workshop-status-badge';
import { getDb } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { listSessionsOfWorkshop } from '@/lib/sessions/sessions';
import { formatSessionRange } from '@/lib/time/zoned';
import { listWorkshopsForTrainer } from '@/lib/workshops/workshops';

export const metadata: Metadata = { title: 'Workshops' };

/** Each workshop with its upcoming sessions (scheduled, not yet ended). */
async function loadWorkshops(actor: TActor, now = Date.now()) {
  const db = await getDb();
  // The domain has no per-workshop session count; a trainer has tens of workshops, not thousands.
  return Promise.all(
    (await listWorkshopsForTrainer(db, actor)).map(async (workshop) => {
      const upcoming = (await listSessionsOfWorkshop(db, actor, workshop.id)).filter(
        (session) => session.status === 'scheduled' && Date.parse(session.endsAt) > now,
      );
      return { workshop, upcomingCount: upcoming.length, next: upcoming[0] };
    }),
  );
}

export default async function WorkshopsPage() {
  const trainer = await requireRole('trainer', '/trainer/workshops');
  const workshops = await loadWorkshops({ id: trainer.id, role: trainer.role });

  return (
    <div className="space-y-6">
      <p>
        <Link href="/trainer">Trainer dashboard</Link>
      </p>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Workshops</h1>
          <p className="text-slate-700">Your course descriptions and their scheduled sessions.</p>
        </div>
        <Link href="/trainer/workshops/new" className="btn-primary">
          New workshop
        </Link>
      </div>

      {workshops.length === 0 ? (
        <div className="card">
          <p>
            No workshops yet. <Link href="/trainer/workshops/new">Describe your first workshop</Link>, then schedule its sessions.
          </p>
        </div>
      ) : (
        <ul className="space-y-3" aria-label="Workshops">
          {workshops.map(({ workshop, upcomingCount, next }) => (
            <li key={workshop.id} className="card space-y-2 p-4 sm:p-5">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <Link href={`/trainer/workshops/${workshop.id}`} className="text-lg font-semibold">
                  {workshop.title}
                </Link>
                <WorkshopStatusBadge status={workshop.status} />
              </div>
              {workshop.summary && <p className="text-slate-700">{workshop.summary}</p>}
              <p className="text-sm text-slate-700">
                {upcomingCount === 0
                  ? 'No upcoming sessions.'
                  : `${upcomingCount} upcoming ${upcomingCount === 1 ? 'session' : 'sessions'}`}
                {next && <>; next {formatSessionRange(new Date(next.startsAt), new Date(next.endsAt), next.timeZone)}.</>}
              </p>
              <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                <Link href={`/trainer/workshops/${workshop.id}`}>
                  Edit<span className="sr-only"> {workshop.title}</span>
                </Link>
                <Link href={`/trainer/workshops/${workshop.id}/sessions/new`}>
                  Add sessions<span className="sr-only"> of {workshop.title}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
