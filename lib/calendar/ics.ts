import { createEvent, createEvents, type EventAttributes } from 'ics';
import { serializeLines, unfoldLines } from './fold';
import { isPlainEmail, type Mailbox } from './mail-from';

// Calendar files for sessions (RFC 5545), sent as iTIP messages (RFC 5546) or published as
// downloads and feeds. Built on the `ics` package; its output is then re-folded here because
// `ics` folds at 75 *characters*, not 75 octets (see `fold.ts`), and lightly normalised.

export type InviteMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';
export type EventStatus = 'CONFIRMED' | 'CANCELLED';

/** One session as a calendar event. */
export type CalendarEvent = {
  /** Stable for the life of the event in the recipient's calendar; see `inviteUid`. */
  uid: string;
  /** Stored by the caller; raised on every change of time, place or status. */
  sequence: number;
  /** When this version of the event was made: DTSTAMP. */
  now: Date;
  startsAt: Date;
  endsAt: Date;
  title: string;
  /** Plain text. */
  description: string;
  /** Venue name and address, or `Online`. */
  location: string;
  /** The session page. */
  url?: string;
  organizer: Mailbox;
  /** Defaults to CANCELLED for METHOD:CANCEL, otherwise CONFIRMED. */
  status?: EventStatus;
};

export type InviteInput =
  /** An iTIP message to one person: REQUEST (new or updated) or CANCEL. Only that person is named. */
  | (CalendarEvent & { method: 'REQUEST' | 'CANCEL'; attendee: Mailbox })
  /** A single-event download: no attendee, for privacy. */
  | (CalendarEvent & { method: 'PUBLISH'; attendee?: undefined });

export type Invite = { ics: string; method: InviteMethod; mimeType: string };

export type FeedInput = { name: string; events: readonly CalendarEvent[] };

export const PRODUCT_ID = '-//Muster//Muster training calendar//EN';
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** The `Content-Type` of a calendar part; its `method=` always equals the METHOD in the file. */
export function calendarMimeType(method: InviteMethod): string {
  return `${ICS_CONTENT_TYPE}; method=${method}`;
}

const SAFE_ID = /^[A-Za-z0-9._~+\-=]+$/;

/**
 * One UID per session and attendee: `<registrationId>@<appHost>`. `appHost` may be a host name
 * or the app URL; only its lower-cased host name (no port) is used, so the UID stays the same
 * for the life of the registration.
 */
export function inviteUid(registrationId: string, appHost: string): string {
  if (!SAFE_ID.test(registrationId)) throw new RangeError(`Unusable registration id for a UID: ${JSON.stringify(registrationId)}`);
  const host = (appHost.includes('://') ? new URL(appHost).hostname : appHost.replace(/:\d+$/, '')).toLowerCase();
  if (!/^[a-z0-9.\-[\]:]+$/.test(host)) throw new RangeError(`Unusable host for a UID: ${JSON.stringify(appHost)}`);
  return `${registrationId}@${host}`;
}

/** Lone surrogates become U+FFFD, CR/CRLF become LF, other control characters (but TAB) go. */
function cleanText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** A display name fit for a quoted CN parameter: one line, no DQUOTE (RFC 5545 forbids it). */
function cleanName(name: string): string {
  return cleanText(name).replace(/[\n\t]+/g, ' ').replace(/"/g, "'").trim();
}

/** RFC 5545 TEXT escaping (for values `ics` passes through unescaped, e.g. X-WR-CALNAME). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/;/g, '\\;').replace(/,/g, '\\,');
}

function contact(mailbox: Mailbox, role: string): { name: string; email: string } {
  if (!isPlainEmail(mailbox.email)) throw new RangeError(`Not an email address for the ${role}: ${JSON.stringify(mailbox.email)}`);
  return { name: cleanName(mailbox.name) || mailbox.email, email: mailbox.email };
}

function instant(date: Date, what: string): number {
  const time = date.getTime();
  if (!Number.isFinite(time) || time < 0) throw new RangeError(`Invalid ${what}`);
  return time;
}

function eventAttributes(event: CalendarEvent, defaultStatus: EventStatus): EventAttributes & { timestamp: number } {
  if (!/^[\u0021-\u007E]+$/.test(event.uid) || /[,;\\]/.test(event.uid)) {
    throw new RangeError(`Unusable UID: ${JSON.stringify(event.uid)}`);
  }
  if (!Number.isInteger(event.sequence) || event.sequence < 0 || event.sequence > 2147483647) {
    throw new RangeError(`SEQUENCE must be a non-negative integer, got ${event.sequence}`);
  }
  const start = instant(event.startsAt, 'start');
  const end = instant(event.endsAt, 'end');
  if (end <= start) throw new RangeError('A session must end after it starts');
  if (event.url !== undefined) {
    const url = new URL(event.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError(`Not a web URL: ${event.url}`);
  }
  return {
    uid: event.uid,
    sequence: event.sequence,
    timestamp: instant(event.now, 'DTSTAMP'),
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end,
    endInputType: 'utc',
    endOutputType: 'utc',
    title: cleanText(event.title),
    description: cleanText(event.description) || undefined,
    location: cleanText(event.location) || undefined,
    url: event.url === undefined ? undefined : new URL(event.url).href,
    status: event.status ?? defaultStatus,
    organizer: contact(event.organizer, 'organizer'),
  };
}

/**
 * `ics` output → final text: unfolded, `MAILTO:` in ORGANIZER lower-cased like ATTENDEE's,
 * the feed-only X-PUBLISHED-TTL dropped from iTIP messages, then folded by octets with CRLF.
 */
function finish(raw: string | null, error: Error | null, method: InviteMethod): string {
  if (error || raw === null) throw error ?? new Error('ics produced no output');
  const lines = unfoldLines(raw)
    .filter((line) => method === 'PUBLISH' || !line.startsWith('X-PUBLISHED-TTL:'))
    .map((line) => (line.startsWith('ORGANIZER;') ? line.replace(/:MAILTO:([^:]*)$/, ':mailto:$1') : line));
  return serializeLines(lines);
}

/**
 * One calendar file with one VEVENT. REQUEST and CANCEL carry ORGANIZER and exactly one ATTENDEE,
 * the recipient; PUBLISH carries no ATTENDEE. CANCEL is STATUS:CANCELLED with the caller's
 * (raised) SEQUENCE and the same UID as the REQUESTs before it.
 */
export function buildInvite(input: InviteInput): Invite {
  const { method } = input;
  const defaultStatus: EventStatus = method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED';
  const status = input.status ?? defaultStatus;
  if (method === 'CANCEL' && status !== 'CANCELLED') throw new RangeError('METHOD:CANCEL needs STATUS:CANCELLED');
  if (method === 'REQUEST' && status !== 'CONFIRMED') throw new RangeError('Cancel with METHOD:CANCEL, not a REQUEST');
  const attributes: EventAttributes & { timestamp: number } = {
    ...eventAttributes({ ...input, status }, defaultStatus),
    productId: PRODUCT_ID,
    method,
  };
  if (input.method !== 'PUBLISH') {
    attributes.attendees = [
      {
        ...contact(input.attendee, 'attendee'),
        role: 'REQ-PARTICIPANT',
        // Registration already placed them; there is nothing to answer (replies would go to MAIL_FROM).
        partstat: 'ACCEPTED',
        rsvp: false,
        cutype: 'INDIVIDUAL',
      },
    ];
  }
  const { error, value } = createEvent(attributes);
  return { ics: finish(value, error, method), method, mimeType: calendarMimeType(method) };
}

/** A METHOD:PUBLISH calendar of many sessions for downloads and subscriptions; never any ATTENDEE. */
export function buildFeed(input: FeedInput): string {
  const events = input.events.map((event) => eventAttributes(event, 'CONFIRMED'));
  const { error, value } = createEvents(events, {
    productId: PRODUCT_ID,
    method: 'PUBLISH',
    // `ics` writes X-WR-CALNAME without TEXT escaping.
    calName: escapeText(cleanName(input.name)) || undefined,
  });
  return finish(value, error, 'PUBLISH');
}
