import { toCsv } from '@/lib/roster/csv';
import { categoryLabel } from './ledger';
import type { TMyCertificateDto } from './my-certificates';

export const TRAINING_CSV_HEADER = [
  'Certificate code',
  'Workshop',
  'Session date',
  'Time zone',
  'Credit hours',
  'Credit category',
  'Status',
  'Issued at',
  'Revoked at',
  'Revocation reason',
  'Replaced by',
] as const;

export const TRAINING_CSV_FILENAME = 'muster-training-record.csv';

/**
 * One row per certificate, revoked ones included and marked, so the file explains a missing
 * hour. Cells are defused against spreadsheet formulas (a workshop title is typed by a person);
 * instants are ISO 8601 in UTC, the session date is as printed.
 */
export function trainingCsv(items: readonly TMyCertificateDto[]): string {
  return toCsv([
    TRAINING_CSV_HEADER,
    ...items.map((c) => [
      c.code,
      c.workshopTitle,
      c.sessionDate,
      c.timeZone,
      c.hours,
      categoryLabel(c.creditCategory),
      c.status,
      c.issuedAt,
      c.revokedAt,
      c.revokedReason,
      c.replacedByCode,
    ]),
  ]);
}
