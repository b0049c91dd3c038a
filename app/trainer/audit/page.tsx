import { formatInZone } from '@/lib/time/format-in-zone';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { ColumnHeads } from '@/app/_components/table/column-heads';
import { getDb } from '@/db';
import { listAuditEntries, ZAuditFilters, type TAuditEntryDto } from '@/lib/audit/query';
import { fieldsFromZod } from '@/lib/errors/app-error';
import { AuditFilters, type TAuditFilterValues } from './_components/audit-filters';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_NAMES = ['person', 'actor', 'session', 'action', 'from', 'to'] as const;

function one(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value : '';
}

function queryString(values: TAuditFilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...extra })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function Details({ entry }: { entry: TAuditEntryDto }) {
  const facts = Object.entries(entry.details).filter(([, value]) => value !== null && value !== '');
  if (facts.length === 0) return null;
  return <span className="block text-sm text-slate-700">{facts.map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`).join('; ')}</span>;
}

export default async function AuditPage({ searchParams }: Props) {
  const trainer = await requireRole('trainer', '/trainer/audit');
  const query = await searchParams;
  const values = Object.fromEntries(FILTER_NAMES.map((name) => [name, one(query[name]).trim()])) as TAuditFilterValues;
  const parsed = ZAuditFilters.safeParse({ ...values, before: one(query.before) });
  const fields = parsed.success ? {} : fieldsFromZod(parsed.error);
  const page = parsed.success ? await listAuditEntries(await getDb(), { id: trainer.id, role: trainer.role }, parsed.data) : { items: [], nextBefore: null };
  const paging = one(query.before) !== '';

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p>
          <Link href="/trainer">Trainer dashboard</Link>
        </p>
        <h1 className="text-3xl font-bold">Audit log</h1>
        <p className="max-w-prose text-slate-700">
          Every look at people’s data by trainers and coordinators (rosters, check-in lists, agency records, exports), and every change of
          roles, places, attendance and certificates: who, when, from which address, and whose data. Times are in UTC.
        </p>
      </div>

      <AuditFilters values={values} fields={fields} />

      {!parsed.success ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          Some filters need attention: see the messages beside them.
        </p>
      ) : (
        <section aria-labelledby="audit-entries" className="space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="audit-entries" className="text-xl font-semibold">
              {page.items.length === 0 ? 'No entries' : paging ? 'Older entries' : 'Newest entries'}
            </h2>
            <a href={`/trainer/audit/audit.csv${queryString(values)}`}>Download these entries as CSV</a>
          </div>
          {page.items.length > 0 && (
            <div className="overflow-x-auto">
              <table className="w-full text-left">
                <caption className="sr-only">Audit entries, newest first</caption>
                <ColumnHeads columns={[{ label: 'When (UTC)' }, { label: 'Who' }, { label: 'What' }, { label: 'Whose data' }, { label: 'From' }]} />
                <tbody>
                  {page.items.map((entry) => (
                    <tr key={entry.id} className="border-b border-slate-200 align-top">
                      <td className="py-2 pr-4 whitespace-nowrap">
                        <time dateTime={entry.at}>{formatInZone(new Date(entry.at), 'UTC', "d MMM yyyy, HH:mm:ss 'UTC'")}</time>
                      </td>
                      <td className="py-2 pr-4 break-all">{entry.actorEmail ?? 'Command line'}</td>
                      <td className="py-2 pr-4">
                        {entry.actionLabel}
                        {entry.sessionId && (
                          <span className="block text-sm">
                            <Link href={`/trainer/sessions/${entry.sessionId}`}>Session</Link>
                          </span>
                        )}
                        <Details entry={entry} />
                      </td>
                      <td className="py-2 pr-4 break-all">{entry.personEmail ?? (entry.sessionId ? 'Everyone on the session' : '—')}</td>
                      <td className="py-2">{entry.ipAddress ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="Audit log pages" className="flex flex-wrap gap-4">
            {paging && <Link href={`/trainer/audit${queryString(values)}`}>Newest entries</Link>}
            {page.nextBefore !== null && <Link href={`/trainer/audit${queryString(values, { before: String(page.nextBefore) })}`}>Older entries</Link>}
          </nav>
        </section>
      )}
    </div>
  );
}
