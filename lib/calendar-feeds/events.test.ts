import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildFeed, buildInvite } from '@/lib/calendar';
import {
  personFeedEvent,
  publicSessionEvent,
  sessionFileName,
  sessionLocation,
  sessionUid,
  trainerFeedEvent,
  type TCalendarContext,
  type TSessionFacts,
} from './events';

const context: TCalendarContext = {
  appUrl: 'https://muster.example.org/',
  organizer: { name: 'Muster', email: 'no-reply@muster.example.org' },
  now: new Date('2031-05-01T12:00:00Z'),
};

const session: TSessionFacts = {
  id: '7d3c1f0e-5b8a-4c2e-9f6d-2a1b3c4d5e6f',
  startsAt: new Date('2031-06-10T03:00:00Z'),
  endsAt: new Date('2031-06-10T06:00:00Z'),
  timeZone: 'America/Chicago',
  venueName: 'Training Room 2',
  venueAddress: '100 Main Street, Springfield',
  onlineUrl: null,
  status: 'scheduled',
  sequence: 4,
};
const online = { ...session, venueName: '', venueAddress: '', onlineUrl: 'https://meet.example.org/secret-room' };

function parsedEvent(ics: string): ICAL.Event {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
}

describe('session calendar events', () => {
  it('names the place, or Online only when there is no venue', () => {
    expect(sessionLocation(session)).toBe('Training Room 2, 100 Main Street, Springfield');
    expect(sessionLocation(online)).toBe('Online');
    expect(sessionLocation({ ...online, venueName: 'Hall B' })).toBe('Hall B');
    expect(sessionLocation({ ...online, onlineUrl: null })).toBe('');
  });

  it('names the file after the slug and the date where the session is held', () => {
    // 03:00 UTC on 10 June is still 9 June in Chicago.
    expect(sessionFileName('trauma-informed-interviewing', session)).toBe('trauma-informed-interviewing-2031-06-09.ics');
    expect(sessionFileName('Odd "slug"/../x', session)).toBe('odd-slug-x-2031-06-09.ics');
  });

  it('gives the session a UID of its own, apart from any attendee’s invite UID', () => {
    expect(sessionUid(session.id, context.appUrl)).toBe(`session-${session.id}@muster.example.org`);
    const personal = personFeedEvent(
      { registrationId: session.id, calendarSequence: 0, session, workshop: { title: 'T', whatToBring: '' } },
      context,
    );
    expect(personal.uid).toBe(`${session.id}@muster.example.org`);
    expect(personal.uid).not.toBe(sessionUid(session.id, context.appUrl));
  });

  it('never puts the meeting link in the public download, and marks a cancelled session', () => {
    const event = publicSessionEvent(online, { title: 'Trauma-informed interviewing', summary: 'Talking with victims.' }, context);
    expect(event.description).not.toContain('meet.example.org');
    expect(event.location).toBe('Online');
    const parsed = parsedEvent(buildInvite({ ...event, method: 'PUBLISH' }).ics);
    expect(parsed.uid).toBe(`session-${session.id}@muster.example.org`);
    expect(parsed.sequence).toBe(4);
    expect(parsed.description).toContain(`https://muster.example.org/sessions/${session.id}`);
    expect(parsed.component.getFirstPropertyValue('status')).toBe('CONFIRMED');

    const cancelled = publicSessionEvent({ ...session, status: 'cancelled' }, { title: 'T', summary: '' }, context);
    const parsedCancelled = parsedEvent(buildInvite({ ...cancelled, method: 'PUBLISH' }).ics);
    expect(parsedCancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(parsedCancelled.description).toMatch(/^This session has been cancelled\./);
  });

  it('gives a confirmed person the meeting link and the invite’s SEQUENCE', () => {
    const event = personFeedEvent(
      { registrationId: 'a1b2c3d4-0000-4000-8000-000000000001', calendarSequence: 2, session: online, workshop: { title: 'T', whatToBring: 'Your ID' } },
      context,
    );
    expect(event.sequence).toBe(6);
    expect(event.description).toContain('Join online: https://meet.example.org/secret-room');
    expect(event.description).toContain('What to bring: Your ID');
    expect(event.description).toContain(`Session page: https://muster.example.org/sessions/${session.id}`);
  });

  it('tells the trainer how full the session is', () => {
    const full = { ...session, capacity: 20, confirmedCount: 12, waitlistCount: 0 };
    expect(trainerFeedEvent({ session: full, workshop: { title: 'T' } }, context).description).toMatch(/^12 of 20 confirmed\./);
    const waiting = trainerFeedEvent({ session: { ...full, confirmedCount: 20, waitlistCount: 3 }, workshop: { title: 'T' } }, context);
    expect(waiting.description).toMatch(/^20 of 20 confirmed, 3 on the waitlist\./);
    expect(waiting.description).toContain(`Roster: https://muster.example.org/trainer/sessions/${session.id}`);
    const parsed = parsedEvent(buildFeed({ name: 'Muster: sessions I run', events: [waiting] }));
    expect(parsed.uid).toBe(`session-${session.id}@muster.example.org`);
  });
});
