import type { TMouStatus } from '@/db/schema';

export const RENEWAL_WINDOW_DAYS = 60;

export type TRenewalFlag = 'overdue' | 'due' | null;

/**
 * Whether a memorandum's renewal needs attention: overdue, or due within the window. Expired
 * memoranda and those without a renewal date never do. The same rule as `listRenewalsDue`, with
 * dates compared as UTC calendar days.
 */
export function renewalFlag(
  record: { mouStatus: TMouStatus; renewalOn: string | null } | undefined,
  today: Date = new Date(),
  withinDays: number = RENEWAL_WINDOW_DAYS,
): TRenewalFlag {
  if (!record?.renewalOn || record.mouStatus === 'expired') return null;
  const todayDate = today.toISOString().slice(0, 10);
  const horizon = new Date(today.getTime() + withinDays * 86_400_000).toISOString().slice(0, 10);
  if (record.renewalOn < todayDate) return 'overdue';
  if (record.renewalOn <= horizon) return 'due';
  return null;
}

/** "31 Jan 2027" for a calendar date stored as `2027-01-31`. */
export function formatCalendarDate(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(parsed);
}
