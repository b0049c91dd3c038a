import type { TRegistrationStatus } from '@/db/schema';

/** A registration's status in words, with the place in line when waiting. */
export function statusText(status: TRegistrationStatus, waitlistPosition: number | null): string {
  switch (status) {
    case 'confirmed':
      return 'Confirmed';
    case 'waitlisted':
      return waitlistPosition ? `On the waitlist: number ${waitlistPosition}` : 'On the waitlist';
    case 'pending_approval':
      return 'Waiting for approval';
    case 'cancelled':
      return 'Cancelled';
  }
}

export function statusBadgeClass(status: TRegistrationStatus): string {
  switch (status) {
    case 'confirmed':
      return 'badge bg-green-100 font-semibold text-green-900';
    case 'waitlisted':
    case 'pending_approval':
      return 'badge bg-amber-100 font-semibold text-amber-900';
    case 'cancelled':
      return 'badge bg-slate-200 font-semibold text-slate-800';
  }
}
