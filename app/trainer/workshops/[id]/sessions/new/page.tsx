import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { durationHint } from '@/app/trainer/_components/duration-hint';
import { orNotFound } from '@/app/trainer/_components/or-not-found';
import { SessionForm } from '@/app/trainer/_components/session-form';
import { newSessionFormValues } from '@/app/trainer/_components/session-form-values';
import { DEFAULT_TIME_ZONE, timeZoneOptions } from '@/app/trainer/_components/time-zones';
import { getDb } from '@/db';
import { listAgencies } from '@/lib/agencies/agencies';
import { listSessionsOfWorkshop } from '@/lib/sessions/sessions';
import { getWorkshopForTrainer } from '@/lib/workshops/workshops';
import { createSessionAction } from './actions';

export const metadata: Metadata = { title: 'Schedule sessions' };

type Props = { params: Promise<{ id: string }> };

export default async function NewSessionPage({ params }: Props) {
  const { id } = await params;
  const trainer = await requireRole('trainer', `/trainer/workshops/${id}/sessions/new`);
  const actor = { id: trainer.id, role: trainer.role };
  const db = await getDb();
  const workshop = await orNotFound(getWorkshopForTrainer(db, actor, id));
  const [agencies, sessions] = await Promise.all([listAgencies(db, actor), listSessionsOfWorkshop(db, actor, workshop.id)]);
  // A workshop is usually delivered in one place: start from the zone of its latest session.
  const timeZone = sessions.at(-1)?.timeZone ?? DEFAULT_TIME_ZONE;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href={`/trainer/workshops/${workshop.id}`}>{workshop.title}</Link>
      </p>
      <div>
        <h1 className="text-3xl font-bold">Schedule sessions</h1>
        <p className="text-slate-700">
          Of <span className="font-semibold">{workshop.title}</span>: one session, a weekly series, or sessions on dates you choose.
        </p>
      </div>
      <div className="card">
        <SessionForm
          action={createSessionAction.bind(null, workshop.id)}
          mode="create"
          session={newSessionFormValues(timeZone)}
          agencies={agencies.map(({ id: agencyId, name }) => ({ id: agencyId, name }))}
          timeZones={timeZoneOptions(timeZone)}
          durationHint={durationHint(workshop.durationMinutes)}
        />
      </div>
    </div>
  );
}
