import type { Metadata } from 'next';
import { allotmentLines, releaseLine } from '@/lib/sessions/allotment-text';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { getDb } from '@/db';
import { getTrainerDashboard } from '@/lib/dashboard/trainer-dashboard';
import { formatSessionRange } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'Trainer dashboard' };

export default async function TrainerDashboardPage() {
  const trainer = await requireRole('trainer', '/trainer');
  const dashboard = await getTrainerDashboard(await getDb(), { id: trainer.id, role: trainer.role });
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Trainer dashboard</h1>
          <p className="text-slate-700">Welcome, {trainer.name ?? trainer.email}.</p>
        </div>
        <nav aria-label="Trainer" className="flex flex-wrap gap-3">
          <Link href="/trainer/workshops" className="btn-secondary">
            Workshops
          </Link>
          <Link href="/trainer/agencies" className="btn-secondary">
            Partner agencies
          </Link>
          <Link href="/trainer/audit" className="btn-secondary">
            Audit log
          </Link>
          <Link href="/trainer/settings" className="btn-secondary">
            Settings and API
          </Link>
          <Link href="/trainer/workshops/new" className="btn-primary">
            New workshop
          </Link>
        </nav>
      </div>

      {dashboard.renewalsDue.length > 0 && (
        <section aria-labelledby="renewals" className="rounded-lg border border-amber-300 bg-amber-50 p-5">
          <h2 id="renewals" className="text-xl font-semibold text-amber-950">
            Memoranda due for renewal
          </h2>
          <ul className="mt-2 space-y-1">
            {dashboard.renewalsDue.map((renewal) => (
              <li key={`${renewal.agencyId}-${renewal.renewalOn}`}>
                <Link href={`/trainer/agencies/${renewal.agencyId}`}>{renewal.agencyName}</Link>:{' '}
                {renewal.overdue ? 'renewal was due' : 'renew by'} {renewal.renewalOn}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="upcoming" className="card">
        <h2 id="upcoming" className="mb-3 text-xl font-semibold">
          Upcoming sessions
        </h2>
        {dashboard.upcoming.length === 0 ? (
          <p>
            No sessions scheduled. <Link href="/trainer/workshops">Schedule one from a workshop</Link>.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">Upcoming sessions with how full they are; each date opens the session’s roster</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-4">Workshop</th>
                  <th scope="col" className="py-2 pr-4">When</th>
                  <th scope="col" className="py-2 pr-4">Fill</th>
                  <th scope="col" className="py-2">Waitlist</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.upcoming.map((session) => (
                  <tr key={session.id} className="border-b border-slate-100 align-top">
                    <td className="py-2 pr-4">
                      <Link href={`/trainer/workshops/${session.workshop.id}`}>{session.workshop.title}</Link>
                      {session.partnerAgency && <span className="block text-sm text-slate-700">Joint with {session.partnerAgency.name}</span>}
                    </td>
                    <td className="py-2 pr-4">
                      <Link href={`/trainer/sessions/${session.id}`}>
                        {formatSessionRange(new Date(session.startsAt), new Date(session.endsAt), session.timeZone)}
                        <span className="sr-only">: roster</span>
                      </Link>
                    </td>
                    <td className="py-2 pr-4">
                      {session.confirmedCount} of {session.capacity}
                      {session.confirmedCount > session.capacity && <span className="block text-sm text-slate-700">over capacity</span>}
                      {allotmentLines(session).map((line) => (
                        <span key={line} className="block text-sm text-slate-700">
                          {line}
                        </span>
                      ))}
                      {session.allotments.length > 0 && <span className="block text-sm text-slate-700">{releaseLine(session)}</span>}
                    </td>
                    <td className="py-2">{session.waitlistCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="drafts" className="card">
        <h2 id="drafts" className="mb-3 text-xl font-semibold">
          Draft workshops
        </h2>
        {dashboard.drafts.length === 0 ? (
          <p>No drafts.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {dashboard.drafts.map((draft) => (
              <li key={draft.id}>
                <Link href={`/trainer/workshops/${draft.id}`}>{draft.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
