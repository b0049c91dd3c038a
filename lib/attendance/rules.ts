import type { TRegistrationStatus } from '@/db/schema';
import { AppError, fieldError } from '@/lib/errors/app-error';
import { formatInstant } from '@/lib/roster/roster';

type TWindowSession = { startsAt: Date; timeZone: string; status: 'scheduled' | 'cancelled'; rosterClosedAt: Date | null };

export type TAttendanceWindow =
  | { state: 'open' }
  | { state: 'not_yet'; opensAt: Date }
  | { state: 'closed'; closedAt: Date }
  | { state: 'cancelled' };

/**
 * Whether attendance can be recorded now: from the session's start (a session in the past is
 * always past its start) until the roster is closed, and never for a cancelled session.
 */
export function attendanceWindow(session: TWindowSession, now: Date): TAttendanceWindow {
  if (session.status === 'cancelled') return { state: 'cancelled' };
  if (session.rosterClosedAt) return { state: 'closed', closedAt: session.rosterClosedAt };
  if (now.getTime() < session.startsAt.getTime()) return { state: 'not_yet', opensAt: session.startsAt };
  return { state: 'open' };
}

const REGISTRATION_STATUS_WORDS: Record<TRegistrationStatus, string> = {
  confirmed: 'confirmed',
  waitlisted: 'on the waitlist',
  pending_approval: 'awaiting approval',
  cancelled: 'cancelled',
};

/** A waitlisted or cancelled person had no seat, so they cannot have attended on this roster. */
export function assertConfirmedPlace(status: TRegistrationStatus): void {
  if (status === 'confirmed') return;
  throw new AppError(
    'registration_not_confirmed',
    `Attendance is recorded for confirmed places only; this place is ${REGISTRATION_STATUS_WORDS[status]}.`,
    409,
  );
}

export function assertAttendanceOpen(session: TWindowSession, now: Date): void {
  const window = attendanceWindow(session, now);
  if (window.state === 'open') return;
  if (window.state === 'cancelled') throw new AppError('session_cancelled', 'This session has been cancelled: there is no attendance to record.', 409);
  if (window.state === 'closed') {
    throw new AppError(
      'roster_closed',
      `The roster was closed on ${formatInstant(window.closedAt, session.timeZone)}: attendance can no longer change.`,
      409,
    );
  }
  throw new AppError(
    'attendance_not_open',
    `Attendance opens when the session starts, on ${formatInstant(window.opensAt, session.timeZone)}.`,
    409,
  );
}

/** The session's length in hours, the most anyone can have attended. */
export function sessionHours(session: { startsAt: Date; endsAt: Date }): number {
  return Math.max(0, (session.endsAt.getTime() - session.startsAt.getTime()) / 3_600_000);
}

function hoursText(hours: number): string {
  const rounded = Math.round(hours * 100) / 100;
  return `${rounded} ${rounded === 1 ? 'hour' : 'hours'}`;
}

export function assertHoursFit(hours: number | null, session: { startsAt: Date; endsAt: Date }): void {
  if (hours === null) throw fieldError('hours', 'Enter the hours attended for partial attendance.');
  const most = sessionHours(session);
  // A hundredth of an hour of slack: a 1 h 40 min session is 1.666… hours, typed as 1.67.
  if (hours > most + 0.005) throw fieldError('hours', `The session lasts ${hoursText(most)}: enter at most that.`);
}
