import type { TAttendanceStatus } from '@/db/schema';

/** "1.5 hours", "1 hour". */
export function hoursText(hours: number): string {
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** "marked attended", "marked partial (1.5 hours)", "not marked yet". */
export function attendanceWords(attendance: TAttendanceStatus | null, hours: number | null): string {
  if (attendance === 'attended') return 'marked attended';
  if (attendance === 'absent') return 'marked absent';
  if (attendance === 'partial') return hours === null ? 'marked partial' : `marked partial (${hoursText(hours)})`;
  return 'not marked yet';
}
