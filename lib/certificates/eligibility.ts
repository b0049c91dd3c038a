import type { TAttendanceStatus, TRegistrationStatus } from '@/db/schema';

export type TEarningRegistration = {
  status: TRegistrationStatus;
  attendance: TAttendanceStatus | null;
  attendedHours: number | null;
};

export type TEarningWorkshop = {
  creditHours: number;
  /** Null: any recorded partial hours earn a certificate. */
  minimumCertificateHours: number | null;
};

/**
 * The hours a registration's certificate carries, or null when it earns none. Someone who attended
 * earns the workshop's credit hours; partial attendance earns the hours recorded, from the
 * workshop's minimum up (and never zero hours), and never more than full attendance would (a
 * session with a lunch break runs longer than its credit); absent or unrecorded earns nothing. Only a
 * confirmed place counts: a waitlisted or cancelled person was not in the room on the roster.
 */
export function certificateHours(registration: TEarningRegistration, workshop: TEarningWorkshop): number | null {
  if (registration.status !== 'confirmed') return null;
  if (registration.attendance === 'attended') return workshop.creditHours;
  if (registration.attendance !== 'partial') return null;
  const hours = registration.attendedHours;
  if (hours === null || !(hours > 0)) return null;
  if (hours < (workshop.minimumCertificateHours ?? 0)) return null;
  return workshop.creditHours > 0 ? Math.min(hours, workshop.creditHours) : hours;
}
