import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { orNotFound } from '@/app/trainer/_components/or-not-found';
import { SessionForm } from '@/app/trainer/_components/session-form';
import { sessionFormValues } from '@/app/trainer/_components/session-form-values';
import { timeZoneOptions } from '@/app/trainer/_components/time-zones';
import { durationHint } from '@/app/trainer/_components/duration-hint';
import { getDb } from '@/db';
import { listAgencies } from '@/lib/agencies/agencies';
import { getSessionForTrainer } from '@/lib/sessions/sessions';
import { formatSessionRange } from '@/lib/time/zoned';
import { getWorkshopForTrainer } from '@/lib/workshops/workshops';
import { updateSessionAction } from './actions';

export const metadata: Metadata = { title: 'Edit session' };

type Props = { params: Promise<{ id: string }> };

export default async function EditSessionPage({ params }: Props) {
  const { id } = await params;
  const trainer = await requireRole('trainer', `/trainer/sessions/${id}/edit`);
  const actor = { id: trainer.id, role: trainer.role };
  const db = await getDb();
  const session = await orNotFound(getSessionForTrainer(db, actor, id));
  const [workshop, agencies] = await Promise.all([getWorkshopForTrainer(db, actor, session.workshop.id), listAgencies(db, actor)]);
  const registered = session.confirmedCount + session.waitlistCount;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href={`/trainer/workshops/${workshop.id}`}>{workshop.title}</Link>
      </p>
      <div className="space-y-1">
        <h1 className="text-3xl font-bold">Edit session</h1>
        <p className="text-slate-700">
          {workshop.title}, {formatSessionRange(new Date(session.startsAt), new Date(session.endsAt), session.timeZone)}
        </p>
      </div>
      {session.status === 'cancelled' && (
        <p role="status" className="rounded-md border border-red-300 bg-red-50 p-3 font-semibold text-red-900">
          This session is cancelled. Saving here does not bring it back.
        </p>
      )}
      <div role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
        <p>
          Changing the time or place will notify the people registered
          {registered > 0 ? ` (${session.confirmedCount} confirmed, ${session.waitlistCount} on the waitlist)` : ' (nobody yet)'} and update their
          calendar invites.
        </p>
      </div>
      <div className="card">
        <SessionForm
          action={updateSessionAction.bind(null, session.id)}
          mode="update"
          session={sessionFormValues(session)}
          agencies={agencies.map(({ id: agencyId, name }) => ({ id: agencyId, name }))}
          timeZones={timeZoneOptions(session.timeZone)}
          durationHint={durationHint(workshop.durationMinutes)}
        />
      </div>
    </div>
  );
}
