import { ColumnHeads } from '@/app/_components/table/column-heads';
import { categoryLabel, formatHours, type THoursLedger } from '@/lib/records/ledger';

const cell = 'py-2 pr-4';
const number = 'py-2 text-right tabular-nums';
const BY_YEAR_COLUMNS = [{ label: 'Year' }, { label: 'Credit category' }, { label: 'Hours', numeric: true }];
const BY_CATEGORY_COLUMNS = [{ label: 'Credit category' }, { label: 'Hours', numeric: true }];

/** Hours from valid certificates: each year by credit category with its total, then every year together. */
export function HoursLedger({ ledger }: { ledger: THoursLedger }) {
  return (
    <div className="space-y-6">
      <p className="text-lg">
        <span className="font-semibold">{formatHours(ledger.total)}</span> {ledger.total === 1 ? 'hour' : 'hours'} of training in all.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="mb-2 text-left font-semibold">By year and credit category</caption>
          <ColumnHeads columns={BY_YEAR_COLUMNS} />
          {ledger.years.map((year) => (
            <tbody key={year.year} className="border-b border-slate-300">
              {year.categories.map((row, i) => (
                <tr key={row.category} className="border-b border-slate-100">
                  {i === 0 ? (
                    <th scope="rowgroup" rowSpan={year.categories.length + 1} className={`${cell} align-top`}>
                      {year.year}
                    </th>
                  ) : null}
                  <td className={cell}>{categoryLabel(row.category)}</td>
                  <td className={number}>{formatHours(row.hours)}</td>
                </tr>
              ))}
              <tr className="font-semibold">
                <td className={cell}>Total for {year.year}</td>
                <td className={number}>{formatHours(year.total)}</td>
              </tr>
            </tbody>
          ))}
        </table>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="mb-2 text-left font-semibold">All years by credit category</caption>
          <ColumnHeads columns={BY_CATEGORY_COLUMNS} />
          <tbody>
            {ledger.categories.map((row) => (
              <tr key={row.category} className="border-b border-slate-100">
                <td className={cell}>{categoryLabel(row.category)}</td>
                <td className={number}>{formatHours(row.hours)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-slate-300 font-semibold">
              <th scope="row" className={cell}>
                Total
              </th>
              <td className={number}>{formatHours(ledger.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
