import { describe, expect, it } from 'vitest';
import type { TRosterEntryDto } from '@/lib/registrations/queries';
import { fillText, formatInstant, groupRoster } from './roster';

const entry = (id: string, status: TRosterEntryDto['status'], waitlistPosition: number | null = null): TRosterEntryDto => ({
  id,
  name: id,
  email: `${id}@example.org`,
  agencyAsGiven: '',
  agencyId: null,
  claimedAgencyId: null,
  badgeNumber: '',
  role: '',
  accessNeeds: '',
  status,
  waitlistPosition,
  createdAt: '2026-03-01T10:00:00.000Z',
  confirmedAt: null,
  cancelledAt: null,
  awaitingEmailUntil: null, approvalExpiresAt: null,
});

describe('groupRoster', () => {
  it('splits by status and keeps the waitlist in line order', () => {
    const groups = groupRoster([
      entry('a', 'confirmed'),
      entry('w2', 'waitlisted', 2),
      entry('x', 'cancelled'),
      entry('w1', 'waitlisted', 1),
      entry('p', 'pending_approval'),
      entry('b', 'confirmed'),
    ]);
    expect(groups.confirmed.map((e) => e.id)).toEqual(['a', 'b']);
    expect(groups.waitlist.map((e) => e.id)).toEqual(['w1', 'w2']);
    expect(groups.cancelled.map((e) => e.id)).toEqual(['x']);
    expect(groups.pendingApproval.map((e) => e.id)).toEqual(['p']);
  });
});

describe('fillText', () => {
  it('says how full the session is and how many wait', () => {
    expect(fillText({ confirmedCount: 14, capacity: 20, waitlistCount: 3 })).toBe('14 of 20 confirmed, 3 waiting');
    expect(fillText({ confirmedCount: 0, capacity: 20, waitlistCount: 0 })).toBe('0 of 20 confirmed');
  });

  it('names a deliberate overbooking', () => {
    expect(fillText({ confirmedCount: 22, capacity: 20, waitlistCount: 1 })).toBe('22 of 20 confirmed (2 over capacity), 1 waiting');
  });
});

describe('formatInstant', () => {
  it('shows the time in the session’s zone with the zone named, whatever the server zone', () => {
    expect(formatInstant('2026-03-03T20:05:00.000Z', 'America/Chicago')).toBe('3 Mar 2026, 14:05 CST');
    expect(formatInstant('2026-07-03T20:05:00.000Z', 'America/Chicago')).toBe('3 Jul 2026, 15:05 CDT');
  });
});
