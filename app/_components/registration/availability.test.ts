import { describe, expect, it } from 'vitest';
import { registrationAvailability } from './availability';

const session = {
  status: 'scheduled' as const,
  startsAt: '2026-03-10T15:00:00.000Z',
  timeZone: 'America/Chicago',
  registrationOpensAt: '2026-03-02T15:00:00.000Z',
  registrationClosesAt: '2026-03-09T15:00:00.000Z',
};

describe('registrationAvailability', () => {
  it('offers the form inside the window', () => {
    expect(registrationAvailability(session, new Date('2026-03-05T12:00:00Z'))).toEqual({ open: true });
  });

  it('says when registration opens, in the session zone with the zone named', () => {
    expect(registrationAvailability(session, new Date('2026-03-01T12:00:00Z'))).toEqual({
      open: false,
      reason: 'Registration opens on Monday 2 March 2026 at 9:00 CST.',
    });
  });

  it('says when registration closed', () => {
    expect(registrationAvailability(session, new Date('2026-03-09T15:00:00Z'))).toEqual({
      open: false,
      reason: 'Registration closed on Monday 9 March 2026 at 10:00 CDT.',
    });
  });

  it('refuses a session that has started, even inside its window', () => {
    const late = { ...session, registrationClosesAt: '2026-03-11T00:00:00.000Z' };
    expect(registrationAvailability(late, new Date('2026-03-10T15:30:00Z'))).toMatchObject({ open: false, reason: expect.stringMatching(/already started/) });
  });

  it('refuses a cancelled session before anything else', () => {
    expect(registrationAvailability({ ...session, status: 'cancelled' }, new Date('2026-03-05T12:00:00Z'))).toMatchObject({
      open: false,
      reason: expect.stringMatching(/cancelled/),
    });
  });
});
