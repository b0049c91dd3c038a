import { describe, expect, it } from 'vitest';
import type { AppError } from '@/lib/errors/app-error';
import { assertAttendanceOpen, assertHoursFit, attendanceWindow, sessionHours } from './rules';

const startsAt = new Date('2026-07-01T14:00:00Z');
const endsAt = new Date('2026-07-01T15:40:00Z');
const session = { startsAt, endsAt, timeZone: 'Europe/London', status: 'scheduled' as const, rosterClosedAt: null };

function thrown(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('did not throw');
}

describe('when attendance can be recorded', () => {
  it('opens at the start, not a minute before, and stays open until the roster closes', () => {
    expect(attendanceWindow(session, new Date(startsAt.getTime() - 60_000))).toEqual({ state: 'not_yet', opensAt: startsAt });
    expect(attendanceWindow(session, startsAt)).toEqual({ state: 'open' });
    expect(attendanceWindow(session, new Date('2027-01-01T00:00:00Z'))).toEqual({ state: 'open' });
    const closedAt = new Date('2026-07-02T09:00:00Z');
    expect(attendanceWindow({ ...session, rosterClosedAt: closedAt }, startsAt)).toEqual({ state: 'closed', closedAt });
    expect(attendanceWindow({ ...session, status: 'cancelled' }, startsAt)).toEqual({ state: 'cancelled' });
  });

  it('names the zone of the session when it refuses', () => {
    const error = thrown(() => assertAttendanceOpen(session, new Date('2026-07-01T08:00:00Z')));
    expect(error).toMatchObject({ status: 409, code: 'attendance_not_open' });
    expect(error.message).toBe('Attendance opens when the session starts, on 1 Jul 2026, 15:00 BST.');
  });
});

describe('partial hours', () => {
  it('fit within the session, allowing for hours rounded to two decimals', () => {
    expect(sessionHours(session)).toBeCloseTo(1.6667, 4);
    expect(() => assertHoursFit(1.67, session)).not.toThrow();
    const error = thrown(() => assertHoursFit(1.68, session));
    expect(error.fields).toEqual({ hours: 'The session lasts 1.67 hours: enter at most that.' });
    expect(thrown(() => assertHoursFit(null, session)).fields?.hours).toBe('Enter the hours attended for partial attendance.');
  });
});
