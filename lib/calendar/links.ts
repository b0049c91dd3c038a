/** What an "Add to calendar" link needs. */
export type LinkEvent = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** Plain text. */
  description?: string;
  location?: string;
  /** The session page, appended to the details. */
  url?: string;
};

// Calendar links travel in a URL; keep the details short enough for every browser and server.
const MAX_DETAILS = 1500;

function details(event: LinkEvent): string {
  const chars = Array.from((event.description ?? '').trim());
  let text = chars.length > MAX_DETAILS ? `${chars.slice(0, MAX_DETAILS - 1).join('')}…` : chars.join('');
  if (event.url) text = text ? `${text}\n\n${event.url}` : event.url;
  return text;
}

/** `2026-03-03T15:00:00.000Z` → `20260303T150000Z` */
function compactUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** `2026-03-03T15:00:00Z` */
function isoUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function query(params: ReadonlyArray<readonly [string, string, boolean?]>): string {
  return params.map(([key, value, raw]) => `${key}=${raw ? value : encodeURIComponent(value)}`).join('&');
}

function checkRange(event: LinkEvent): void {
  if (!(event.endsAt.getTime() > event.startsAt.getTime())) throw new RangeError('A session must end after it starts');
}

/** "Add to Google Calendar". */
export function googleCalendarLink(event: LinkEvent): string {
  checkRange(event);
  return `https://calendar.google.com/calendar/render?${query([
    ['action', 'TEMPLATE'],
    ['text', event.title],
    ['dates', `${compactUtc(event.startsAt)}/${compactUtc(event.endsAt)}`, true],
    ['details', details(event)],
    ['location', event.location ?? ''],
  ])}`;
}

/** "Add to Outlook" (Outlook on the web, work or school accounts). */
export function outlookCalendarLink(event: LinkEvent): string {
  checkRange(event);
  return `https://outlook.office.com/calendar/0/deeplink/compose?${query([
    ['subject', event.title],
    ['startdt', isoUtc(event.startsAt)],
    ['enddt', isoUtc(event.endsAt)],
    ['body', details(event)],
    ['location', event.location ?? ''],
    ['path', '/calendar/action/compose', true],
    ['rru', 'addevent'],
  ])}`;
}
