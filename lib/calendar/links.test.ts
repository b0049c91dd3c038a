import { describe, expect, it } from 'vitest';
import { googleCalendarLink, outlookCalendarLink, type LinkEvent } from './links';
import { parseMailFrom } from './mail-from';

const event: LinkEvent = {
  title: 'Trauma-informed care; part 2, «Gespräche» & more 🚓',
  startsAt: new Date('2026-03-08T13:00:00Z'),
  endsAt: new Date('2026-03-08T16:30:00Z'),
  description: 'Bring ID.\nParking at the rear.',
  location: 'Riverside Training Centre, 12 Main St',
  url: 'https://muster.example/sessions/42',
};

describe('googleCalendarLink', () => {
  const link = googleCalendarLink(event);
  const url = new URL(link);

  it('is a TEMPLATE link with the encoded title and the UTC times', () => {
    expect(link.startsWith('https://calendar.google.com/calendar/render?action=TEMPLATE&')).toBe(true);
    expect(link).toContain(`text=${encodeURIComponent(event.title)}`);
    expect(link).toContain('dates=20260308T130000Z/20260308T163000Z');
    expect(url.searchParams.get('text')).toBe(event.title);
    expect(url.searchParams.get('dates')).toBe('20260308T130000Z/20260308T163000Z');
    expect(url.searchParams.get('location')).toBe(event.location);
    expect(url.searchParams.get('details')).toBe('Bring ID.\nParking at the rear.\n\nhttps://muster.example/sessions/42');
  });

  it('keeps long details short', () => {
    const long = new URL(googleCalendarLink({ ...event, description: '👮'.repeat(5000), url: undefined }));
    expect(Array.from(long.searchParams.get('details') ?? '')).toHaveLength(1500);
  });
});

describe('outlookCalendarLink', () => {
  const link = outlookCalendarLink(event);
  const url = new URL(link);

  it('is a compose deeplink with the encoded title and the UTC times', () => {
    expect(link.startsWith('https://outlook.office.com/calendar/0/deeplink/compose?')).toBe(true);
    expect(link).toContain(`subject=${encodeURIComponent(event.title)}`);
    expect(url.searchParams.get('subject')).toBe(event.title);
    expect(url.searchParams.get('startdt')).toBe('2026-03-08T13:00:00Z');
    expect(url.searchParams.get('enddt')).toBe('2026-03-08T16:30:00Z');
    expect(url.searchParams.get('location')).toBe(event.location);
    expect(url.searchParams.get('body')).toContain('Parking at the rear.');
    expect(url.searchParams.get('path')).toBe('/calendar/action/compose');
    expect(url.searchParams.get('rru')).toBe('addevent');
  });

  it('refuses a session that ends before it starts', () => {
    expect(() => outlookCalendarLink({ ...event, endsAt: event.startsAt })).toThrow(RangeError);
    expect(() => googleCalendarLink({ ...event, endsAt: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe('parseMailFrom', () => {
  it.each([
    ['Muster <no-reply@muster.example>', { name: 'Muster', email: 'no-reply@muster.example' }],
    ['Muster <no-reply@localhost>', { name: 'Muster', email: 'no-reply@localhost' }],
    ['"Muster, Training Unit" <training@pd.example.org>', { name: 'Muster, Training Unit', email: 'training@pd.example.org' }],
    ['"Say \\"hi\\"" <a@b.example>', { name: 'Say "hi"', email: 'a@b.example' }],
    ['  no-reply@muster.example  ', { name: '', email: 'no-reply@muster.example' }],
    ['<no-reply@muster.example>', { name: '', email: 'no-reply@muster.example' }],
  ])('%s', (input, expected) => {
    expect(parseMailFrom(input)).toEqual(expected);
  });

  it.each(['', 'Muster', 'Muster <>', 'a@b, c@d', 'Muster <a b@c>'])('refuses %j', (input) => {
    expect(() => parseMailFrom(input)).toThrow(RangeError);
  });
});
