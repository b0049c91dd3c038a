import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildFeed, buildInvite, calendarMimeType, inviteUid, type CalendarEvent, type InviteInput } from './ics';
import { foldLine } from './fold';
import { parseMailFrom } from './mail-from';

const organizer = parseMailFrom('Muster <no-reply@muster.example>');
const attendee = { name: 'Nguyễn Thị Minh Khai', email: 'khai@pd.example.org' };
const uid = inviteUid('3f1c9a7e-0b5d-4c1e-9a51-2d0c7e6f1b10', 'muster.example');

const base: CalendarEvent = {
  uid,
  sequence: 0,
  now: new Date('2026-02-01T10:20:30Z'),
  startsAt: new Date('2026-03-03T15:00:00Z'),
  endsAt: new Date('2026-03-03T18:00:00Z'),
  title: 'De-escalation basics',
  description: 'Bring your notebook.',
  location: 'Riverside Training Centre, 12 Main St, Springfield',
  url: 'https://muster.example/sessions/42',
  organizer,
};

const request = (over: Partial<CalendarEvent> = {}) => ({ ...base, ...over, method: 'REQUEST' as const, attendee });

function parse(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

function vevent(text: string): ICAL.Event {
  const vevent = parse(text).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return new ICAL.Event(vevent);
}

/** RFC 5545 §3.1 shape: CRLF only, ≤ 75 octets per physical line, each line valid UTF-8 on its own. */
function expectWellFormed(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  expect(lines.some((line) => line.includes('\n') || line.includes('\r'))).toBe(false);
  const strict = new TextDecoder('utf-8', { fatal: true });
  for (const line of lines) {
    const bytes = Buffer.from(line, 'utf8');
    expect(bytes.length, line).toBeLessThanOrEqual(75);
    expect(strict.decode(bytes)).toBe(line);
    expect(line).not.toMatch(/\uFFFD/);
  }
}

describe('inviteUid', () => {
  it('is <registrationId>@<host>, whatever form the host comes in', () => {
    expect(inviteUid('reg-1', 'muster.example')).toBe('reg-1@muster.example');
    expect(inviteUid('reg-1', 'https://Muster.example:8443/')).toBe('reg-1@muster.example');
    expect(inviteUid('reg-1', 'localhost:3000')).toBe('reg-1@localhost');
    expect(() => inviteUid('reg 1', 'muster.example')).toThrow(RangeError);
    expect(() => inviteUid('reg-1', 'bad host;x')).toThrow(RangeError);
  });
});

describe('buildInvite: REQUEST', () => {
  const invite = buildInvite(request());
  const event = vevent(invite.ics);

  it('is a well-formed METHOD:REQUEST whose MIME method matches', () => {
    expectWellFormed(invite.ics);
    expect(invite.method).toBe('REQUEST');
    expect(invite.mimeType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(parse(invite.ics).getFirstPropertyValue('method')).toBe('REQUEST');
    expect(parse(invite.ics).getFirstPropertyValue('prodid')).toMatch(/Muster/);
  });

  it('carries UID, SEQUENCE, DTSTAMP = now, and UTC times that round-trip exactly', () => {
    expect(event.uid).toBe(uid);
    expect(event.sequence).toBe(0);
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const dtstamp = event.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(dtstamp.toJSDate().toISOString()).toBe('2026-02-01T10:20:30.000Z');
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-03T15:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-03T18:00:00.000Z');
    expect(invite.ics).toContain('\r\nDTSTART:20260303T150000Z\r\n');
    expect(invite.ics).toContain('\r\nDTEND:20260303T180000Z\r\n');
    expect(invite.ics).toContain('\r\nDTSTAMP:20260201T102030Z\r\n');
  });

  it('keeps the instant of a session on a DST-change day (New York 2026-03-08 09:00 EDT = 13:00Z)', () => {
    const ics = buildInvite(request({ startsAt: new Date('2026-03-08T13:00:00Z'), endsAt: new Date('2026-03-08T16:00:00Z') })).ics;
    const dst = vevent(ics);
    expect(ics).toContain('\r\nDTSTART:20260308T130000Z\r\n');
    expect(dst.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 2, 8, 13, 0));
    expect(dst.endDate.toJSDate().getTime()).toBe(Date.UTC(2026, 2, 8, 16, 0));
    expect(ics).not.toMatch(/TZID/);
  });

  it('has ORGANIZER = the MAIL_FROM mailbox and exactly one ATTENDEE: the recipient', () => {
    const org = event.component.getFirstProperty('organizer');
    expect(org?.getFirstValue()).toBe('mailto:no-reply@muster.example');
    expect(org?.getParameter('cn')).toBe('Muster');
    expect(event.attendees).toHaveLength(1);
    const [only] = event.attendees;
    expect(only?.getFirstValue()).toBe('mailto:khai@pd.example.org');
    expect(only?.getParameter('cn')).toBe('Nguyễn Thị Minh Khai');
    expect(only?.getParameter('role')).toBe('REQ-PARTICIPANT');
  });

  it('carries summary, description, location and URL', () => {
    expect(event.summary).toBe('De-escalation basics');
    expect(event.description).toBe('Bring your notebook.');
    expect(event.location).toBe('Riverside Training Centre, 12 Main St, Springfield');
    expect(event.component.getFirstPropertyValue('url')).toBe('https://muster.example/sessions/42');
  });

  it('has no feed-only properties', () => {
    expect(invite.ics).not.toContain('X-PUBLISHED-TTL');
  });

  it('refuses a REQUEST that says CANCELLED, bad sequences, inverted times and bad addresses', () => {
    expect(() => buildInvite(request({ status: 'CANCELLED' }))).toThrow(RangeError);
    expect(() => buildInvite(request({ sequence: -1 }))).toThrow(RangeError);
    expect(() => buildInvite(request({ sequence: 1.5 }))).toThrow(RangeError);
    expect(() => buildInvite(request({ endsAt: base.startsAt }))).toThrow(RangeError);
    expect(() => buildInvite(request({ startsAt: new Date(Number.NaN) }))).toThrow(RangeError);
    expect(() => buildInvite({ ...request(), attendee: { name: 'x', email: 'x@y>\r\nATTENDEE:mailto:z@y' } })).toThrow(RangeError);
    expect(() => buildInvite(request({ uid: 'a,b@x' }))).toThrow(RangeError);
  });
});

describe('updates and cancellation', () => {
  const first = buildInvite(request());
  const moved = buildInvite(request({ sequence: 1, now: new Date('2026-02-10T08:00:00Z'), startsAt: new Date('2026-03-04T15:00:00Z'), endsAt: new Date('2026-03-04T18:00:00Z') }));
  const cancel = buildInvite({ ...base, sequence: 2, now: new Date('2026-02-20T08:00:00Z'), method: 'CANCEL', attendee });

  it('keeps one UID across REQUEST, updated REQUEST and CANCEL, with a rising SEQUENCE', () => {
    const events = [first, moved, cancel].map((invite) => vevent(invite.ics));
    expect(events.map((e) => e.uid)).toEqual([uid, uid, uid]);
    expect(events.map((e) => e.sequence)).toEqual([0, 1, 2]);
    expect(events[1]?.startDate.toJSDate().toISOString()).toBe('2026-03-04T15:00:00.000Z');
  });

  it('CANCEL is METHOD:CANCEL (file and MIME) with STATUS:CANCELLED, ORGANIZER and the one ATTENDEE', () => {
    expectWellFormed(cancel.ics);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.mimeType).toBe('text/calendar; charset=utf-8; method=CANCEL');
    const calendar = parse(cancel.ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const event = vevent(cancel.ics);
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.component.getFirstPropertyValue('organizer')).toBe('mailto:no-reply@muster.example');
    expect(event.attendees.map((a) => a.getFirstValue())).toEqual(['mailto:khai@pd.example.org']);
    const dtstamp = event.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(dtstamp.toJSDate().toISOString()).toBe('2026-02-20T08:00:00.000Z');
  });

  it('refuses a CANCEL that says CONFIRMED', () => {
    expect(() => buildInvite({ ...base, status: 'CONFIRMED', method: 'CANCEL', attendee })).toThrow(RangeError);
  });
});

describe('METHOD and MIME method agree', () => {
  it.each(['REQUEST', 'CANCEL', 'PUBLISH'] as const)('%s', (method) => {
    const input: InviteInput = method === 'PUBLISH' ? { ...base, method } : { ...base, method, attendee };
    const invite = buildInvite(input);
    const mimeMethod = /;\s*method=([A-Z]+)$/.exec(invite.mimeType)?.[1];
    expect(mimeMethod).toBe(method);
    expect(invite.mimeType).toBe(calendarMimeType(method));
    expect(parse(invite.ics).getFirstPropertyValue('method')).toBe(method);
    expect(invite.ics.match(/^METHOD:/gm)).toHaveLength(1);
  });

  it('a single PUBLISH download names no attendee', () => {
    const invite = buildInvite({ ...base, method: 'PUBLISH' });
    expect(vevent(invite.ics).attendees).toHaveLength(0);
    expect(invite.ics).not.toMatch(/ATTENDEE/);
  });
});

describe('escaping and folding', () => {
  const unit = 'Trauma-informed care; part 2, «Gespräche» — 🚓👮‍♀️ ';
  const longTitle = unit.repeat(5);
  const tricky = {
    title: longTitle,
    description: 'Line one\nLine two, with; punctuation \\ and a literal \\n and a tab\there.\n\n— Nguyễn Thị Minh Khai 👮🏽‍♂️',
    location: 'Salle 3; Bâtiment B, 1 Rue de l’École, Montréal (QC) — 警察学校',
  };

  it('long Unicode, emoji and special characters survive the round trip exactly', () => {
    expect(longTitle.length).toBeGreaterThan(200);
    const invite = buildInvite(request(tricky));
    expectWellFormed(invite.ics);
    const event = vevent(invite.ics);
    expect(event.summary).toBe(longTitle);
    expect(event.description).toBe(tricky.description);
    expect(event.location).toBe(tricky.location);
    expect(event.attendees[0]?.getParameter('cn')).toBe('Nguyễn Thị Minh Khai');
  });

  it('escapes TEXT per RFC 5545 and unfolds to the escaped original', () => {
    const ics = buildInvite(request({ title: 'a,b;c\\d\ne' })).ics;
    expect(ics).toContain('\r\nSUMMARY:a\\,b\\;c\\\\d\\ne\r\n');
    const unfolded = buildInvite(request(tricky)).ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`\r\nSUMMARY:${longTitle.replace(/;/g, '\\;').replace(/,/g, '\\,')}\r\n`);
  });

  it('normalises CR and CRLF in text to newlines and drops other control characters', () => {
    const event = vevent(buildInvite(request({ description: 'a\r\nb\rc\u0007d' })).ics);
    expect(event.description).toBe('a\nb\ncd');
  });

  it('keeps quotes and line breaks in names from breaking the CN parameter', () => {
    const ics = buildInvite({ ...request(), attendee: { name: 'Sgt. "Mac"\r\nMcKay', email: 'mac@pd.example.org' } }).ics;
    expectWellFormed(ics);
    expect(vevent(ics).attendees[0]?.getParameter('cn')).toBe("Sgt. 'Mac' McKay");
  });

  it('folds by octets, never inside a UTF-8 sequence, at up to 75 octets', () => {
    for (const text of ['x'.repeat(200), 'é'.repeat(200), '🚓'.repeat(100), `a${'€'.repeat(100)}`, unit.repeat(10)]) {
      const folded = foldLine(`SUMMARY:${text}`);
      const lines = folded.split('\r\n');
      lines.forEach((line, index) => {
        expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        if (index > 0) expect(line.startsWith(' ')).toBe(true);
        expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line))).toBe(line);
      });
      expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${text}`);
    }
    // ASCII lines are filled to exactly 75 octets.
    expect(foldLine('x'.repeat(200)).split('\r\n')[0]).toHaveLength(75);
    expect(foldLine('short')).toBe('short');
  });
});

describe('buildFeed', () => {
  const events: CalendarEvent[] = [
    { ...base, uid: 'session-1@muster.example', title: 'One, first' },
    { ...base, uid: 'session-2@muster.example', sequence: 3, title: 'Two; second', startsAt: new Date('2026-03-08T13:00:00Z'), endsAt: new Date('2026-03-08T16:00:00Z'), location: 'Online' },
    { ...base, uid: 'session-3@muster.example', title: 'Three 🚓', status: 'CANCELLED', url: undefined },
  ];
  const feed = buildFeed({ name: 'Muster — Springfield PD, joint; sessions', events });

  it('is METHOD:PUBLISH with three VEVENTs, all well formed, none with an ATTENDEE', () => {
    expectWellFormed(feed);
    const calendar = parse(feed);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const vevents = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(vevents).toHaveLength(3);
    expect(vevents.map((e) => e.uid)).toEqual(['session-1@muster.example', 'session-2@muster.example', 'session-3@muster.example']);
    expect(vevents.map((e) => e.summary)).toEqual(['One, first', 'Two; second', 'Three 🚓']);
    expect(vevents.map((e) => e.sequence)).toEqual([0, 3, 0]);
    expect(vevents.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    expect(vevents[1]?.startDate.toJSDate().toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(vevents.every((e) => e.attendees.length === 0)).toBe(true);
    expect(feed).not.toMatch(/ATTENDEE/);
    expect(vevents[0]?.component.getFirstPropertyValue('organizer')).toBe('mailto:no-reply@muster.example');
  });

  it('escapes the calendar name', () => {
    expect(feed).toContain('X-WR-CALNAME:Muster — Springfield PD\\, joint\\; sessions\r\n');
  });

  it('ignores an attendee smuggled in at runtime', () => {
    const leaky = { ...base, attendee } as CalendarEvent;
    expect(buildFeed({ name: 'x', events: [leaky] })).not.toMatch(/ATTENDEE|khai@/);
  });

  it('an empty feed is still a valid calendar', () => {
    const empty = buildFeed({ name: 'Nothing yet', events: [] });
    expectWellFormed(empty);
    expect(parse(empty).getAllSubcomponents('vevent')).toHaveLength(0);
    expect(parse(empty).getFirstPropertyValue('method')).toBe('PUBLISH');
  });
});
