import type { TAgencySessionRecord } from '@/lib/records/agency-records';
import { formatHours } from '@/lib/records/ledger';
import { ColumnHeads } from '@/app/_components/table/column-heads';

const head = 'py-2 pr-4';
const number = 'py-2 pr-4 text-right tabular-nums';
const SESSION_COLUMNS = [
  { label: 'Workshop' },
  { label: 'Session' },
  { label: 'Registrations' },
  { label: 'Attended', numeric: true },
  { label: 'Hours', numeric: true },
];

function registrationsText(counts: TAgencySessionRecord['counts']): string {
  const parts = [
    counts.confirmed && `${counts.confirmed} confirmed`,
    counts.pending_approval && `${counts.pending_approval} awaiting approval`,
    counts.waitlisted && `${counts.waitlisted} waitlisted`,
    counts.cancelled && `${counts.cancelled} cancelled`,
  ].filter(Boolean);
  return parts.join(', ');
}

/** Each session the agency's officers registered for, most recent first. */
export function SessionTable({ sessions, agencyName }: { sessions: TAgencySessionRecord[]; agencyName: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left">
        <caption className="sr-only">Sessions {agencyName}’s officers registered for, most recent first</caption>
        <ColumnHeads columns={SESSION_COLUMNS} />
        <tbody>
          {sessions.map((s) => (
            <tr key={s.sessionId} className="border-b border-slate-100 align-top last:border-b-0">
              <th scope="row" className={`${head} font-semibold break-words`}>
                {s.workshopTitle}
                {s.sessionStatus === 'cancelled' && <strong className="block text-sm text-red-900">Session cancelled</strong>}
              </th>
              <td className={head}>{s.sessionDate}</td>
              <td className={head}>{registrationsText(s.counts)}</td>
              <td className={number}>{s.attended}</td>
              <td className="py-2 text-right tabular-nums">{formatHours(s.hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
