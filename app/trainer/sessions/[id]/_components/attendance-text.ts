import { hoursText } from '@/lib/text/hours-text';
import type { TAttendanceDto } from '@/lib/certificates/session-certificates';

/** "Attended", "Partial, 2 hours", "Absent" or "Not recorded", with whether it earns a certificate when that is not obvious. */
export function attendanceText(a: TAttendanceDto): string {
  if (a.attendance === 'attended') return 'Attended';
  if (a.attendance === 'absent') return 'Absent';
  if (a.attendance === 'partial') {
    const hours = a.attendedHours === null ? 'Partial' : `Partial, ${hoursText(a.attendedHours)}`;
    return a.earns === null ? `${hours} (below the minimum for a certificate)` : hours;
  }
  return 'Not recorded';
}
