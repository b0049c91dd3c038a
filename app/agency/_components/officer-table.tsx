import type { TAgencyOfficerRecord } from '@/lib/records/agency-records';
import { formatHours } from '@/lib/records/ledger';
import { ColumnHeads } from '@/app/_components/table/column-heads';

const head = 'py-2 pr-4';
const number = 'py-2 pr-4 text-right tabular-nums';
const OFFICER_COLUMNS = [
  { label: 'Officer' },
  { label: 'Email' },
  { label: 'Sessions', numeric: true },
  { label: 'Attended', numeric: true },
  { label: 'Hours', numeric: true },
];

/** Each officer of the agency with what they booked, attended and earned. */
export function OfficerTable({ officers, agencyName }: { officers: TAgencyOfficerRecord[]; agencyName: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left">
        <caption className="sr-only">{agencyName}’s officers, by name</caption>
        <ColumnHeads columns={OFFICER_COLUMNS} />
        <tbody>
          {officers.map((o) => (
            <tr key={o.email} className="border-b border-slate-100 align-top last:border-b-0">
              <th scope="row" className={`${head} font-semibold break-words`}>
                {o.name}
              </th>
              <td className={`${head} break-all`}>{o.email}</td>
              <td className={number}>{o.sessions}</td>
              <td className={number}>{o.attended}</td>
              <td className="py-2 text-right tabular-nums">{formatHours(o.hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
