import { formatInTimeZone } from 'date-fns-tz';
import { describe, expect, it } from 'vitest';
import { formatInZone } from './format-in-zone';

// Every pattern Muster formats with, and zones with summer time both ways, half and quarter hours.
const PATTERNS = [
  'yyyy',
  'yyyy-MM-dd',
  "yyyy-MM-dd'T'HH:mm",
  'H:mm',
  'EEE d MMM',
  'EEEE d MMMM yyyy',
  'd MMM yyyy',
  'd MMM yyyy, H:mm',
  'd MMMM yyyy, H:mm',
  "d MMM yyyy 'UTC'",
  "d MMM yyyy, HH:mm 'UTC'",
  "d MMM yyyy, HH:mm:ss 'UTC'",
  "dd/MM 'o''clock' H",
  "H''mm",
];
const ZONES = ['UTC', 'America/Chicago', 'America/St_Johns', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Adelaide', 'Pacific/Chatham'];

/** A fixed spread of instants from 1995 to 2065, and every quarter hour around 2026's clock changes. */
function instants(): Date[] {
  const spread = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(1995, 0, 1) + i * 5_527_183_337));
  const changes = ['2026-03-08T06:00Z', '2026-11-01T05:00Z', '2026-03-29T00:00Z', '2026-10-25T00:00Z', '2026-04-05T15:00Z', '2026-09-26T13:00Z'];
  const around = changes.flatMap((at) => Array.from({ length: 24 }, (_, i) => new Date(Date.parse(at) + (i - 12) * 900_000)));
  return [...spread, ...around, new Date(Date.UTC(2026, 11, 31, 23, 59, 59)), new Date(Date.UTC(2027, 0, 1, 0, 0, 0))];
}

describe('formatInZone', () => {
  it('writes exactly what date-fns-tz writes, for every pattern, zone and instant', () => {
    const mismatches: string[] = [];
    for (const timeZone of ZONES) {
      for (const instant of instants()) {
        for (const pattern of PATTERNS) {
          const expected = formatInTimeZone(instant, timeZone, pattern);
          const actual = formatInZone(instant, timeZone, pattern);
          if (actual !== expected) mismatches.push(`${instant.toISOString()} ${timeZone} ${pattern}: ${actual} ≠ ${expected}`);
        }
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('writes midnight as 0 and 00, never 24', () => {
    const midnight = new Date('2026-03-03T06:00:00Z');
    expect(formatInZone(midnight, 'America/Chicago', 'H:mm')).toBe('0:00');
    expect(formatInZone(midnight, 'America/Chicago', "yyyy-MM-dd'T'HH:mm")).toBe('2026-03-03T00:00');
  });

  it('refuses a token it does not know, an open quote and an invalid date', () => {
    expect(() => formatInZone(new Date(), 'UTC', 'yy')).toThrow(/Unsupported date pattern token yy/);
    expect(() => formatInZone(new Date(), 'UTC', "d 'MMM")).toThrow(/Unterminated quote/);
    expect(() => formatInZone(new Date(Number.NaN), 'UTC', 'd')).toThrow(RangeError);
  });
});
