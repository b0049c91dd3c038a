import { toCsv } from '@/lib/roster/csv';
import type { TAgencyRegistrationRow } from './agency-records';

export const AGENCY_CSV_HEADER = [
  'Officer',
  'Email',
  'Badge or staff number',
  'Workshop',
  'Session date',
  'Time zone',
  'Session status',
  'Registration status',
  'Attendance',
  'Certificate',
  'Credit hours',
] as const;

const statusLabels: Record<TAgencyRegistrationRow['status'], string> = {
  confirmed: 'confirmed',
  pending_approval: 'awaiting approval',
  waitlisted: 'waitlisted',
  cancelled: 'cancelled',
};

/**
 * The agency's completion report: one row per registration, most recent session first. Names
 * were typed into a public form, so cells are defused against spreadsheet formulas. Certificate
 * codes are left out: they are keys to the PDFs, and the report does not need them.
 */
export function agencyRecordsCsv(rows: readonly TAgencyRegistrationRow[]): string {
  return toCsv([
    AGENCY_CSV_HEADER,
    ...rows.map((row) => [
      row.name,
      row.email,
      row.badgeNumber,
      row.workshopTitle,
      row.sessionDate,
      row.timeZone,
      row.sessionStatus,
      statusLabels[row.status],
      row.attendance ?? '',
      row.certificate ?? '',
      row.hours,
    ]),
  ]);
}

/** `agency-training-riverside-police-department.csv`: ASCII only, so every browser keeps the name. */
export function agencyRecordsFilename(agencyName: string): string {
  const slug = agencyName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `agency-training-${slug || 'records'}.csv`;
}
