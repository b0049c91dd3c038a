import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { getDb } from '@/db';
import { getAgency, listAgencies } from '@/lib/agencies/agencies';
import { agencyKindLabels, mouStatusLabels } from '@/lib/agencies/schemas';
import { RenewalBadge } from './_components/renewal-badge';
import { formatCalendarDate, RENEWAL_WINDOW_DAYS, renewalFlag } from './_lib/renewal';

export const metadata: Metadata = { title: 'Partner agencies' };

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<{ deleted?: string | string[] }> }) {
  const trainer = await requireRole('trainer', '/trainer/agencies');
  const actor = { id: trainer.id, role: trainer.role };
  const db = await getDb();
  const { deleted } = await searchParams;
  // listAgencies gives names only; each agency's records come from getAgency (a handful of partners).
  const agencies = await Promise.all((await listAgencies(db, actor)).map((agency) => getAgency(db, actor, agency.id)));
  const today = new Date();

  return (
    <div className="space-y-6">
      <p>
        <Link href="/trainer">Trainer dashboard</Link>
      </p>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Partner agencies</h1>
          <p className="text-slate-700">Police departments and other agencies you train with, their contacts and memoranda.</p>
        </div>
        <Link href="/trainer/agencies/new" className="btn-primary">
          Add an agency
        </Link>
      </div>

      {typeof deleted === 'string' && deleted && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {deleted} was deleted.
        </p>
      )}

      {agencies.length === 0 ? (
        <div className="card">
          <p>
            No partner agencies yet. <Link href="/trainer/agencies/new">Add the first one</Link>.
          </p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left">
            <caption className="sr-only">
              Partner agencies, with the status of their latest memorandum and its renewal date (flagged within {RENEWAL_WINDOW_DAYS}{' '}
              days or overdue)
            </caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="px-4 py-3">
                  Agency
                </th>
                <th scope="col" className="px-4 py-3">
                  Kind
                </th>
                <th scope="col" className="px-4 py-3">
                  Memorandum
                </th>
                <th scope="col" className="px-4 py-3">
                  Renewal
                </th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((agency) => {
                const latest = agency.partnerships.at(-1);
                const flag = renewalFlag(latest, today);
                return (
                  <tr key={agency.id} className="border-b border-slate-100 align-top last:border-b-0">
                    <th scope="row" className="px-4 py-3 font-normal">
                      <Link href={`/trainer/agencies/${agency.id}`} className="font-semibold">
                        {agency.name}
                      </Link>
                    </th>
                    <td className="px-4 py-3">{agencyKindLabels[agency.kind]}</td>
                    <td className="px-4 py-3">{latest ? mouStatusLabels[latest.mouStatus] : <span className="text-slate-600">None yet</span>}</td>
                    <td className="px-4 py-3">
                      {latest?.renewalOn ? (
                        <>
                          <time dateTime={latest.renewalOn} className="whitespace-nowrap">
                            {formatCalendarDate(latest.renewalOn)}
                          </time>
                          <RenewalBadge flag={flag} />
                        </>
                      ) : (
                        <span className="text-slate-600">—</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
