import { AppError, fieldsFromZod } from '@/lib/errors/app-error';
import { ZSessionCreate, ZSessionPatch } from '@/lib/sessions/schemas';
import type { TSeriesRepeat } from '@/lib/sessions/sessions';
import { isValidTimeZone, SkippedTimeError, wallTimeToInstant } from '@/lib/time/zoned';
import { formNumber, formText, renameFields, type TFormFields } from './form-data';
import { AGENCY_BOX, ALLOTMENT_INPUT, REMINDER_OFF } from './session-form-values';

export type TSessionFormMode = 'create' | 'update';

/** What the session form gives the domain (createSession, createSessionSeries, updateSession). */
export type TSessionFormInput = {
  startsAt?: string;
  endsAt?: string;
  timeZone: string;
  capacity: number;
  venue: { name: string; address: string; directions: string; accessibility: string } | null;
  onlineUrl: string | null;
  registrationOpensAt?: string;
  registrationClosesAt?: string;
  partnerAgencyId: string | null;
  minEnrolment: number | null;
  visibility?: string;
  /** The agencies of a session for agencies: one `agencyIds.{id}` checkbox each. */
  agencyIds: string[];
  /** Left out for 'auto' (the domain decides from the visibility) or when the form has no such field. */
  requireEmailConfirmation?: boolean;
  /** Left out when the form has no such field. */
  approval?: string;
  /** One `allotments.{id}` number input per agency; empty inputs are no allotment. Left out when the form has none. */
  allotments?: { agencyId: string; seats: number }[];
  /** Null for the default, 7 days before the start. */
  allotmentsReleaseAt?: string | null;
  maxRegistrationsPerAddress?: number | null;
  facilitators: { name: string; email: string }[];
  /** Hours before the start, null for off; left out when the form has no such field (the domain's default, or unchanged). */
  firstReminderHours?: number | null;
  secondReminderHours?: number | null;
};

export type TParsedSessionForm = {
  input: TSessionFormInput;
  /** A series to create (create mode, "Repeat weekly" or "On chosen dates"), else null. */
  repeat: TSeriesRepeat | null;
  /** The form row of each entry of input.facilitators: empty rows are left out. */
  facilitatorRows: number[];
  /** The agency of each entry of input.allotments, to name its input in a message. */
  allotmentAgencies: string[];
  /** What is wrong before the domain sees it (text that is not a time, an unknown zone, ...). */
  fields: Record<string, string>;
};

/** Keys whose values the parser computes (instants from wall-clock text): its messages are the ones to show. */
const PARSER_OWNED = new Set(['startsAt', 'endsAt', 'timeZone', 'registrationOpensAt', 'registrationClosesAt', 'allotmentsReleaseAt']);

export const MAX_SERIES = 52;
const WALL_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(date: string): boolean {
  if (!DATE.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

type TWallTime = { instant?: Date; error?: string };

/**
 * A `datetime-local` value read as wall-clock time in `timeZone`. Never `new Date(text)`: the
 * server's own zone must not matter. A time the clocks skip (02:30 on the spring-forward day)
 * is refused rather than silently moved an hour.
 */
function readWallTime(raw: string, timeZone: string | null, what: string, missing?: string): TWallTime {
  const text = raw.trim();
  if (!text) return missing ? { error: missing } : {};
  const match = WALL_TIME.exec(text);
  if (!match) return { error: `Enter the ${what} as a date and time, like 2026-03-10 09:00.` };
  const [, date = '', hours = '', minutes = ''] = match;
  if (!isCalendarDate(date)) return { error: `${date} is not a date on the calendar.` };
  if (Number(hours) > 23 || Number(minutes) > 59) return { error: `Enter the ${what} as a date and time, like 2026-03-10 09:00.` };
  // Without a known zone the time cannot be placed; the zone's own message says so.
  if (!timeZone) return {};
  try {
    return { instant: wallTimeToInstant(`${date}T${hours}:${minutes}`, timeZone) };
  } catch (error) {
    if (!(error instanceof SkippedTimeError)) throw error;
    return { error: `${hours}:${minutes} on ${date} does not exist in ${timeZone}: the clocks go forward then. Choose another time.` };
  }
}

function readRepeat(form: TFormFields): { repeat: TSeriesRepeat | null; error?: string } {
  const kind = formText(form, 'repeat') || 'once';
  if (kind === 'once') return { repeat: null };
  if (kind === 'weekly') {
    const count = formNumber(formText(form, 'repeatCount'));
    if (!Number.isInteger(count) || count < 2 || count > MAX_SERIES) {
      return { repeat: null, error: `Enter how many weekly sessions to create, from 2 to ${MAX_SERIES}.` };
    }
    return { repeat: { kind: 'weekly', count } };
  }
  if (kind === 'dates') {
    const lines = formText(form, 'repeatDates')
      .split(/[\r\n,]+/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) return { repeat: null, error: 'List the dates of the sessions, one per line, like 2026-03-10.' };
    const wrong = lines.find((line) => !isCalendarDate(line));
    if (wrong) return { repeat: null, error: `“${wrong}” is not a date: write each date as YYYY-MM-DD, like 2026-03-10.` };
    const dates = [...new Set(lines)].sort();
    if (dates.length > MAX_SERIES) return { repeat: null, error: `A series has at most ${MAX_SERIES} sessions; you listed ${dates.length} dates.` };
    return { repeat: { kind: 'dates', dates } };
  }
  return { repeat: null, error: 'Choose one session, a weekly series, or chosen dates.' };
}

/** A reminder select: hours, null for off, undefined when the form did not send it; NaN for the schema to word. */
function readReminder(form: TFormFields, key: string): number | null | undefined {
  if (!Object.hasOwn(form, key)) return undefined;
  const text = formText(form, key).trim();
  return text === REMINDER_OFF ? null : formNumber(text);
}

/** Indexes of the co-facilitator rows the form sent (`facilitators.0.name`, ...), in order. */
function facilitatorIndexes(form: TFormFields): number[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(form)) {
    const match = /^facilitators\.(\d{1,2})\.(?:name|email)$/.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

/**
 * The session form's FormData as the domain's input. Times are wall-clock times in the chosen
 * zone; empty optional fields become null (or are left out, so the domain's defaults apply).
 */
export function parseSessionForm(form: TFormFields, mode: TSessionFormMode): TParsedSessionForm {
  const fields: Record<string, string> = {};
  const timeZone = formText(form, 'timeZone').trim();
  const zone = isValidTimeZone(timeZone) ? timeZone : null;
  if (!zone) fields.timeZone = timeZone ? 'Choose a known time zone, like America/Chicago.' : 'Choose the time zone the session runs in.';

  const times = {
    startsAt: readWallTime(formText(form, 'startsAt'), zone, 'start', 'Enter the date and time the session starts.'),
    endsAt: readWallTime(formText(form, 'endsAt'), zone, 'end', 'Enter the date and time the session ends.'),
    registrationOpensAt: readWallTime(formText(form, 'registrationOpensAt'), zone, 'opening of registration'),
    registrationClosesAt: readWallTime(formText(form, 'registrationClosesAt'), zone, 'close of registration'),
    allotmentsReleaseAt: readWallTime(formText(form, 'allotmentsReleaseAt'), zone, 'release of reserved seats'),
  };
  for (const [key, time] of Object.entries(times)) if (time.error) fields[key] = time.error;
  // An empty "closes" means "at the start", as for a new session; when editing, an empty "opens" keeps the saved time.
  const closesAt = times.registrationClosesAt.instant ?? (mode === 'update' ? times.startsAt.instant : undefined);

  const minEnrolmentText = formText(form, 'minEnrolment').trim();
  const minEnrolment = minEnrolmentText ? formNumber(minEnrolmentText) : null;
  if (minEnrolment !== null && Number.isNaN(minEnrolment)) fields.minEnrolment = 'Enter the minimum as a whole number, or leave it empty.';

  const venue = {
    name: formText(form, 'venue.name'),
    address: formText(form, 'venue.address'),
    directions: formText(form, 'venue.directions'),
    accessibility: formText(form, 'venue.accessibility'),
  };
  const hasVenue = Object.values(venue).some((value) => value.trim() !== '');
  const onlineUrl = formText(form, 'onlineUrl').trim();
  const partnerAgencyId = formText(form, 'partnerAgencyId').trim();
  const visibility = formText(form, 'visibility').trim();
  // Only a session for agencies keeps its agencies; choosing another visibility drops them.
  const agencyIds =
    visibility === 'agencies' ? Object.keys(form).flatMap((key) => (key.startsWith(AGENCY_BOX) && form[key] ? [key.slice(AGENCY_BOX.length)] : [])) : [];

  const allotmentKeys = Object.keys(form).filter((key) => key.startsWith(ALLOTMENT_INPUT));
  const allotments = allotmentKeys.flatMap((key) => {
    const text = formText(form, key).trim();
    return text ? [{ agencyId: key.slice(ALLOTMENT_INPUT.length), seats: formNumber(text) }] : [];
  });

  const facilitatorRows: number[] = [];
  const facilitators: { name: string; email: string }[] = [];
  for (const row of facilitatorIndexes(form)) {
    const name = formText(form, `facilitators.${row}.name`).trim();
    const email = formText(form, `facilitators.${row}.email`).trim();
    if (!name && !email) continue;
    facilitatorRows.push(row);
    facilitators.push({ name, email });
  }

  const confirmation = formText(form, 'requireEmailConfirmation').trim();
  const requireEmailConfirmation = confirmation === 'on' ? true : confirmation === 'off' ? false : undefined;
  if (confirmation && confirmation !== 'auto' && requireEmailConfirmation === undefined) {
    fields.requireEmailConfirmation = 'Choose on or off.';
  }
  const perAddressText = formText(form, 'maxRegistrationsPerAddress').trim();
  const maxRegistrationsPerAddress = !Object.hasOwn(form, 'maxRegistrationsPerAddress')
    ? undefined
    : perAddressText
      ? formNumber(perAddressText)
      : null;

  const firstReminderHours = readReminder(form, 'firstReminderHours');
  const secondReminderHours = readReminder(form, 'secondReminderHours');
  if (typeof firstReminderHours === 'number' && typeof secondReminderHours === 'number' && secondReminderHours >= firstReminderHours) {
    // Two reminders at once, or the "second" before the first, is a slip: one of them is what was meant.
    fields.secondReminderHours = 'The second reminder must come closer to the start than the first. Choose a shorter time, or turn it off.';
  }

  let repeat: TSeriesRepeat | null = null;
  if (mode === 'create') {
    const read = readRepeat(form);
    repeat = read.repeat;
    if (read.error) fields.repeat = read.error;
  }

  const input: TSessionFormInput = {
    startsAt: times.startsAt.instant?.toISOString(),
    endsAt: times.endsAt.instant?.toISOString(),
    timeZone,
    // Empty is NaN, not "unchanged": the schema then asks for the number of seats.
    capacity: formNumber(formText(form, 'capacity')),
    venue: hasVenue ? venue : null,
    onlineUrl: onlineUrl || null,
    registrationOpensAt: times.registrationOpensAt.instant?.toISOString(),
    registrationClosesAt: closesAt?.toISOString(),
    partnerAgencyId: partnerAgencyId && partnerAgencyId !== 'none' ? partnerAgencyId : null,
    minEnrolment,
    visibility: visibility || undefined,
    agencyIds,
    ...(allotmentKeys.length > 0 && { allotments, allotmentsReleaseAt: times.allotmentsReleaseAt.instant?.toISOString() ?? null }),
    facilitators,
    ...(requireEmailConfirmation !== undefined && { requireEmailConfirmation }),
    ...(Object.hasOwn(form, 'approval') && { approval: formText(form, 'approval').trim() }),
    ...(maxRegistrationsPerAddress !== undefined && { maxRegistrationsPerAddress }),
    ...(firstReminderHours !== undefined && { firstReminderHours }),
    ...(secondReminderHours !== undefined && { secondReminderHours }),
  };
  return { input, repeat, facilitatorRows, allotmentAgencies: allotments.map((allotment) => allotment.agencyId), fields };
}

/** Domain field keys as the form's input names: `facilitators.0.name` of the input is the form's row 2 when row 1 was empty. */
export function sessionFieldNamer(parsed: Pick<TParsedSessionForm, 'facilitatorRows' | 'allotmentAgencies'>) {
  return (key: string, message: string): [string, string] => {
    const allotment = /^allotments\.(\d+)\.(?:seats|agencyId)$/.exec(key);
    if (allotment) return [`${ALLOTMENT_INPUT}${parsed.allotmentAgencies[Number(allotment[1])] ?? ''}`, message];
    const match = /^facilitators\.(\d+)\.(name|email)$/.exec(key);
    if (!match) return [key, message];
    const row = parsed.facilitatorRows[Number(match[1])] ?? Number(match[1]);
    return [`facilitators.${row}.${match[2]}`, message];
  };
}

/**
 * The parsed form, or an AppError carrying every message at once: the parser's own and those the
 * schema has for the other fields, so one round trip shows everything to fix.
 */
export function sessionFormOrThrow(form: TFormFields, mode: TSessionFormMode): TParsedSessionForm {
  const parsed = parseSessionForm(form, mode);
  if (Object.keys(parsed.fields).length === 0) return parsed;
  const check = (mode === 'create' ? ZSessionCreate : ZSessionPatch).safeParse(parsed.input);
  const fromSchema = check.success ? {} : renameFields(fieldsFromZod(check.error), sessionFieldNamer(parsed));
  for (const key of PARSER_OWNED) delete fromSchema[key];
  throw new AppError('validation_failed', 'Some fields need attention.', 422, { ...fromSchema, ...parsed.fields });
}
