import { formatInZone } from '@/lib/time/format-in-zone';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { EmailGrantForm } from '@/app/_components/form/email-grant-form';
import { TwoStepForm } from '@/app/_components/form/two-step-form';
import { getDb } from '@/db';
import { listTrainers } from '@/lib/trainers/trainers';
import { addTrainerAction, removeTrainerAction } from './actions';

export const metadata: Metadata = { title: 'Trainers' };

type Props = { searchParams: Promise<{ removed?: string | string[] }> };

export default async function TrainersPage({ searchParams }: Props) {
  const me = await requireRole('trainer', '/trainer/settings/people');
  const { removed } = await searchParams;
  const trainers = await listTrainers(await getDb(), { id: me.id, role: me.role });
  const alone = trainers.length === 1;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p>
          <Link href="/trainer/settings">Settings and API</Link>
        </p>
        <h1 className="text-3xl font-bold">Trainers</h1>
        {removed === '1' && (
          <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
            Trainer removed: they have been signed out everywhere and their API tokens no longer work.
          </p>
        )}
        <p className="max-w-prose text-slate-700">
          Trainers see every roster, with officers’ names, badge numbers and access needs. Removing a trainer signs them out everywhere at
          once and revokes their API tokens; they keep their own training records as an officer.
        </p>
      </div>

      <section aria-labelledby="trainers-heading" className="card space-y-4">
        <h2 id="trainers-heading" className="text-xl font-semibold">
          {trainers.length === 1 ? '1 trainer' : `${trainers.length} trainers`}
        </h2>
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          {trainers.map((trainer) => (
            <li key={trainer.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="min-w-0">
                {trainer.name && <p className="font-semibold break-words">{trainer.name}</p>}
                <p className="break-all">
                  {trainer.email}
                  {trainer.id === me.id && <span className="ml-2 text-sm text-slate-700">(you)</span>}
                </p>
                <p className="text-sm text-slate-700">
                  In Muster since <time dateTime={trainer.since}>{formatInZone(new Date(trainer.since), 'UTC', "d MMM yyyy 'UTC'")}</time>
                </p>
              </div>
              {alone ? (
                <p className="max-w-xs text-sm text-slate-700">The only trainer cannot be removed: add another trainer first.</p>
              ) : (
                <TwoStepForm
                  action={removeTrainerAction}
                  hidden={{ userId: trainer.id }}
                  idSuffix={trainer.id}
                  start={{ label: <>Remove<span className="sr-only"> trainer {trainer.email}</span>…</>, pending: 'Checking…' }}
                  question={trainer.id === me.id ? 'Remove yourself as a trainer?' : `Remove ${trainer.email} as a trainer?`}
                  consequences="They are signed out at once, their API tokens stop working, and only a trainer can make them a trainer again."
                  confirm={{ label: 'Yes, remove', pending: 'Removing…' }}
                  keep={{ label: 'No, keep', pending: 'Keeping…' }}
                />
              )}
            </li>
          ))}
        </ul>
        <EmailGrantForm
          action={addTrainerAction}
          id="add-trainer"
          heading="Add trainer"
          hint="The address they sign in with. They need no account yet."
          submit={{ label: 'Add trainer', pending: 'Adding trainer…' }}
        />
      </section>
    </div>
  );
}
