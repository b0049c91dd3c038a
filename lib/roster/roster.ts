import type { TRosterEntryDto } from '@/lib/registrations/queries';

export type TRosterGroups = {
  confirmed: TRosterEntryDto[];
  pendingApproval: TRosterEntryDto[];
  /** In line order: the first is next to get a seat. */
  waitlist: TRosterEntryDto[];
  cancelled: TRosterEntryDto[];
};

/** The roster split by status, each part keeping the order listRegistrationsForTrainer gives. */
export function groupRoster(entries: readonly TRosterEntryDto[]): TRosterGroups {
  const groups: TRosterGroups = { confirmed: [], pendingApproval: [], waitlist: [], cancelled: [] };
  for (const entry of entries) {
    if (entry.status === 'confirmed') groups.confirmed.push(entry);
    else if (entry.status === 'pending_approval') groups.pendingApproval.push(entry);
    else if (entry.status === 'waitlisted') groups.waitlist.push(entry);
    else groups.cancelled.push(entry);
  }
  groups.waitlist.sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  return groups;
}

/** "14 of 20 confirmed, 3 waiting"; a deliberate overbooking is said plainly. */
export function fillText(session: { confirmedCount: number; capacity: number; waitlistCount: number }): string {
  const over = session.confirmedCount - session.capacity;
  const confirmed = `${session.confirmedCount} of ${session.capacity} confirmed${over > 0 ? ` (${over} over capacity)` : ''}`;
  return session.waitlistCount > 0 ? `${confirmed}, ${session.waitlistCount} waiting` : confirmed;
}

export { formatInstant } from '@/lib/time/zoned';
