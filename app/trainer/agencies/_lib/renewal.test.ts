import { describe, expect, it } from 'vitest';
import { formatCalendarDate, renewalFlag } from './renewal';

const today = new Date('2030-06-15T12:00:00Z');

describe('renewalFlag', () => {
  it('flags a renewal within 60 days, and one that has passed', () => {
    expect(renewalFlag({ mouStatus: 'signed', renewalOn: '2030-07-15' }, today)).toBe('due');
    expect(renewalFlag({ mouStatus: 'signed', renewalOn: '2030-08-14' }, today)).toBe('due');
    expect(renewalFlag({ mouStatus: 'signed', renewalOn: '2030-06-15' }, today)).toBe('due');
    expect(renewalFlag({ mouStatus: 'proposed', renewalOn: '2030-06-14' }, today)).toBe('overdue');
  });

  it('does not flag one further out, an expired memorandum, or one without a renewal date', () => {
    expect(renewalFlag({ mouStatus: 'signed', renewalOn: '2030-08-15' }, today)).toBeNull();
    expect(renewalFlag({ mouStatus: 'signed', renewalOn: '2030-09-13' }, today)).toBeNull();
    expect(renewalFlag({ mouStatus: 'expired', renewalOn: '2030-06-01' }, today)).toBeNull();
    expect(renewalFlag({ mouStatus: 'signed', renewalOn: null }, today)).toBeNull();
    expect(renewalFlag(undefined, today)).toBeNull();
  });
});

describe('formatCalendarDate', () => {
  it('writes the day, the short month and the year', () => {
    expect(formatCalendarDate('2027-01-31')).toBe('31 Jan 2027');
    expect(formatCalendarDate('nonsense')).toBe('nonsense');
  });
});
