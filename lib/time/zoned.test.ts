import { describe, expect, it } from 'vitest';
import { formatSessionRange, instantToWallTime, isValidTimeZone, wallTimeToInstant, zoneAbbreviation } from './zoned';

describe('wall-clock time in a zone', () => {
  it.each([
    // Clocks go forward at 02:00 on 2026-03-08 in New York: 09:00 is already EDT (UTC-4).
    ['America/New_York', '2026-03-08T09:00', '2026-03-08T13:00:00.000Z'],
    ['America/New_York', '2026-03-07T09:00', '2026-03-07T14:00:00.000Z'],
    // Clocks go back at 02:00 on 2026-11-01: 09:00 is EST (UTC-5).
    ['America/New_York', '2026-11-01T09:00', '2026-11-01T14:00:00.000Z'],
    ['America/New_York', '2026-10-31T09:00', '2026-10-31T13:00:00.000Z'],
    // London moves to BST at 01:00 UTC on 2026-03-29.
    ['Europe/London', '2026-03-29T09:00', '2026-03-29T08:00:00.000Z'],
    ['Europe/London', '2026-03-28T09:00', '2026-03-28T09:00:00.000Z'],
    ['America/Chicago', '2026-03-03T09:00', '2026-03-03T15:00:00.000Z'],
  ])('%s %s is %s', (zone, wall, iso) => {
    const instant = wallTimeToInstant(wall, zone);
    expect(instant.toISOString()).toBe(iso);
    expect(instantToWallTime(instant, zone)).toBe(wall);
  });

  it.each([
    ['America/New_York', '2026-03-08', 'EDT'],
    ['America/New_York', '2026-11-01', 'EST'],
    ['Europe/London', '2026-03-29', 'BST'],
  ])('a 09:00–12:00 session on a changeover day (%s %s) is still 09:00–12:00 local', (zone, date, abbreviation) => {
    const start = wallTimeToInstant(`${date}T09:00`, zone);
    const end = wallTimeToInstant(`${date}T12:00`, zone);
    expect(end.getTime() - start.getTime()).toBe(3 * 60 * 60 * 1000);
    expect(formatSessionRange(start, end, zone)).toMatch(new RegExp(`, 9:00–12:00 ${abbreviation}$`));
  });

  it('names the zone in the way people read it', () => {
    const start = wallTimeToInstant('2026-03-03T09:00', 'America/Chicago');
    const end = wallTimeToInstant('2026-03-03T12:00', 'America/Chicago');
    expect(formatSessionRange(start, end, 'America/Chicago')).toBe('Tue 3 Mar, 9:00–12:00 CST');
    expect(zoneAbbreviation(start, 'Europe/Berlin')).toBe('CET');
    expect(zoneAbbreviation(start, 'Asia/Kolkata')).toMatch(/GMT\+5:30|IST/);
  });

  it('shows both days when a session runs past midnight', () => {
    const start = wallTimeToInstant('2026-03-03T22:00', 'America/Chicago');
    const end = wallTimeToInstant('2026-03-04T02:00', 'America/Chicago');
    expect(formatSessionRange(start, end, 'America/Chicago')).toBe('Tue 3 Mar, 22:00 CST – Wed 4 Mar, 2:00 CST');
  });

  it('knows real zones from made-up ones', () => {
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('CST; drop table')).toBe(false);
  });

  it('refuses a time the clocks skip instead of moving it', () => {
    expect(() => wallTimeToInstant('2026-03-08T02:30', 'America/New_York')).toThrow(/does not exist/);
    // The repeated hour when clocks go back exists (twice): the first is taken.
    expect(wallTimeToInstant('2026-11-01T01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses text that is not a wall-clock time', () => {
    expect(() => wallTimeToInstant('tomorrow at nine', 'UTC')).toThrow(RangeError);
  });
});
