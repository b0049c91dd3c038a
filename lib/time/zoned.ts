import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import { formatInZone } from './format-in-zone';

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export class SkippedTimeError extends RangeError {
  override name = 'SkippedTimeError';
}

/**
 * A wall-clock time typed in a form (`2026-03-08T09:00`) as read in `timeZone`, as an instant.
 * A time the clocks skip (02:30 when they jump from 02:00 to 03:00) does not exist there and is
 * refused rather than quietly moved by an hour.
 */
export function wallTimeToInstant(wallTime: string, timeZone: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(wallTime)) throw new RangeError(`Not a wall-clock time: ${wallTime}`);
  const instant = fromZonedTime(`${wallTime}:00`, timeZone);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a wall-clock time: ${wallTime}`);
  if (instantToWallTime(instant, timeZone) !== wallTime) {
    throw new SkippedTimeError(`${wallTime.replace('T', ' ')} does not exist in ${timeZone}: the clocks skip it.`);
  }
  return instant;
}

/** The instant as a wall-clock time in `timeZone`, in the form `<input type="datetime-local">` takes. */
export function instantToWallTime(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone, "yyyy-MM-dd'T'HH:mm");
}

// Building an Intl.DateTimeFormat costs far more than using one; every email and page asks again.
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

function zoneNameFormat(locale: 'en-US' | 'en-GB', timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = zoneNameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
    zoneNameFormats.set(key, format);
  }
  return format;
}

/**
 * The zone's short name at that instant ("CST", "BST", "CET"); where no abbreviation is in common
 * use, the offset ("GMT+5:30").
 */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  for (const locale of ['en-US', 'en-GB'] as const) {
    const name = zoneNameFormat(locale, timeZone)
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
  }
  return formatInTimeZone(instant, timeZone, 'zzz');
}

/** "Tue 3 Mar, 9:00–12:00 CST", or both dates when the session runs past midnight. */
export function formatSessionRange(startsAt: Date, endsAt: Date, timeZone: string): string {
  // The same few sessions are formatted for every page, email and registration; formatting in a
  // zone is costly, and the text for an instant and zone never changes.
  const key = `${startsAt.getTime()}|${endsAt.getTime()}|${timeZone}`;
  let text = rangeTexts.get(key);
  if (text === undefined) {
    text = formatRange(startsAt, endsAt, timeZone);
    if (rangeTexts.size >= MAX_RANGE_TEXTS) rangeTexts.delete(rangeTexts.keys().next().value!);
    rangeTexts.set(key, text);
  }
  return text;
}

const MAX_RANGE_TEXTS = 2000;
const rangeTexts = new Map<string, string>();

function formatRange(startsAt: Date, endsAt: Date, timeZone: string): string {
  const day = (d: Date) => formatInZone(d, timeZone, 'EEE d MMM');
  const time = (d: Date) => formatInZone(d, timeZone, 'H:mm');
  const zone = zoneAbbreviation(startsAt, timeZone);
  const endZone = zoneAbbreviation(endsAt, timeZone);
  const sameDay = formatInZone(startsAt, timeZone, 'yyyy-MM-dd') === formatInZone(endsAt, timeZone, 'yyyy-MM-dd');
  if (sameDay && zone === endZone) return `${day(startsAt)}, ${time(startsAt)}–${time(endsAt)} ${zone}`;
  return `${day(startsAt)}, ${time(startsAt)} ${zone} – ${day(endsAt)}, ${time(endsAt)} ${endZone}`;
}

/** "3 Mar 2026, 14:05 CST": an instant in the session's zone, the zone named. */
export function formatInstant(instant: string | Date, timeZone: string): string {
  const date = new Date(instant);
  return `${formatInZone(date, timeZone, 'd MMM yyyy, H:mm')} ${zoneAbbreviation(date, timeZone)}`;
}

/** A long date for headings: "Tuesday 3 March 2026". */
export function formatLongDate(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone, 'EEEE d MMMM yyyy');
}

/** Whether an instant has come, measured now (server components render once per request). */
export function hasStarted(instant: Date | string, now = new Date()): boolean {
  return new Date(instant).getTime() <= now.getTime();
}
