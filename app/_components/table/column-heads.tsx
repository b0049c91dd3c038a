export type TColumn = { label: string; numeric?: boolean };

/**
 * A records table's header row: numbers are aligned right, and every column but the last keeps
 * its distance from the next.
 */
export function ColumnHeads({ columns }: { columns: readonly TColumn[] }) {
  return (
    <thead>
      <tr className="border-b border-slate-300">
        {columns.map((column, i) => (
          <th
            key={column.label}
            scope="col"
            className={['py-2', i < columns.length - 1 && 'pr-4', column.numeric && 'text-right'].filter(Boolean).join(' ')}
          >
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
