import type { TRosterEntryDto } from '@/lib/registrations/queries';
import { instantToWallTime } from '@/lib/time/zoned';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (`=HYPERLINK(...)`, `@SUM`,
 * `+cmd|...`, and TAB or CR that some programs strip first), so a name typed into the public
 * registration form could run in the trainer's spreadsheet. Such cells get a leading apostrophe,
 * which spreadsheets read as "this is text".
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): defused, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows as CSV with CRLF line ends (RFC 4180). It starts with a byte-order mark: without it, Excel
 * reads UTF-8 as the local code page and garbles accented names.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const ROSTER_CSV_HEADER = [
  'Status',
  'Waitlist position',
  'Name',
  'Email',
  'Agency',
  'Badge or staff number',
  'Role or rank',
  'Access needs',
  'Registered at',
  'Confirmed at',
  'Cancelled at',
] as const;

const statusLabels: Record<TRosterEntryDto['status'], string> = {
  confirmed: 'confirmed',
  pending_approval: 'awaiting approval',
  waitlisted: 'waitlisted',
  cancelled: 'cancelled',
};

/** A session's roster as CSV, one row per registration in roster order; times are ISO 8601 in UTC. */
export function rosterCsv(entries: readonly TRosterEntryDto[]): string {
  return toCsv([
    ROSTER_CSV_HEADER,
    ...entries.map((entry) => [
      // A held place is not booked yet: the sheet must not count it as coming.
      entry.awaitingEmailUntil ? `${statusLabels[entry.status]}, awaiting email confirmation` : statusLabels[entry.status],
      entry.waitlistPosition,
      entry.name,
      entry.email,
      entry.agencyAsGiven,
      entry.badgeNumber,
      entry.role,
      entry.accessNeeds,
      entry.createdAt,
      entry.confirmedAt,
      entry.cancelledAt,
    ]),
  ]);
}

/** `roster-trauma-informed-interviewing-2026-03-03.csv`: the workshop and the session's local date. */
export function rosterCsvFilename(session: { workshop: { slug: string }; startsAt: string; timeZone: string }): string {
  const date = instantToWallTime(new Date(session.startsAt), session.timeZone).slice(0, 10);
  // Slugs are lower-case letters, digits and hyphens already; this keeps the header safe if that changes.
  const slug = session.workshop.slug.replace(/[^a-z0-9-]/g, '') || 'session';
  return `roster-${slug}-${date}.csv`;
}
