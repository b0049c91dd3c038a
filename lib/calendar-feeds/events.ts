import { formatInZone } from '@/lib/time/format-in-zone';
import { inviteUid, type CalendarEvent, type Mailbox } from '@/lib/calendar';

/** What every calendar file Muster publishes shares: where the app lives, who organises, and now. */
export type TCalendarContext = { appUrl: string; organizer: Mailbox; now: Date };

export type TSessionFacts = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  onlineUrl: string | null;
  status: 'scheduled' | 'cancelled';
  sequence: number;
};

export const PERSON_FEED_NAME = 'Muster: my training';
export const TRAINER_FEED_NAME = 'Muster: sessions I run';

function base(appUrl: string): string {
  return appUrl.replace(/\/+$/, '');
}

export function sessionPageUrl(appUrl: string, sessionId: string): string {
  return `${base(appUrl)}/sessions/${sessionId}`;
}

/**
 * The session itself as an event, for downloads and the trainer's feed. Distinct from every
 * attendee's invite UID (`<registrationId>@host`), so a downloaded copy never overwrites or
 * cancels the invite a person was sent.
 */
export function sessionUid(sessionId: string, appUrl: string): string {
  return inviteUid(`session-${sessionId}`, appUrl);
}

/** Venue name and address; `Online` only when there is no venue to go to. */
export function sessionLocation(session: Pick<TSessionFacts, 'venueName' | 'venueAddress' | 'onlineUrl'>): string {
  const venue = [session.venueName.trim(), session.venueAddress.trim()].filter(Boolean).join(', ');
  if (venue) return venue;
  return session.onlineUrl ? 'Online' : '';
}

/** `<slug>-<local date>.ics`, the date as the session's own zone sees it. */
export function sessionFileName(slug: string, session: Pick<TSessionFacts, 'startsAt' | 'timeZone'>): string {
  const safeSlug = slug.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'session';
  return `${safeSlug}-${formatInZone(session.startsAt, session.timeZone, 'yyyy-MM-dd')}.ics`;
}

function paragraphs(parts: (string | false | null | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n\n');
}

function commonFields(session: TSessionFacts, title: string, context: TCalendarContext) {
  return {
    now: context.now,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    title,
    location: sessionLocation(session),
    url: sessionPageUrl(context.appUrl, session.id),
    organizer: context.organizer,
  };
}

/**
 * The public download of one session: no people and never the meeting link, which only confirmed
 * attendees receive. A cancelled session stays downloadable, marked cancelled, so a calendar that
 * imported it earlier learns it is off.
 */
export function publicSessionEvent(
  session: TSessionFacts,
  workshop: { title: string; summary: string },
  context: TCalendarContext,
): CalendarEvent {
  const cancelled = session.status === 'cancelled';
  return {
    ...commonFields(session, workshop.title, context),
    uid: sessionUid(session.id, context.appUrl),
    sequence: session.sequence,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    description: paragraphs([
      cancelled && 'This session has been cancelled.',
      workshop.summary,
      session.onlineUrl && 'Held online: the joining link is sent to confirmed attendees.',
      `Details and registration: ${sessionPageUrl(context.appUrl, session.id)}`,
    ]),
  };
}

/**
 * One confirmed place in a person's own feed. The UID and SEQUENCE are those of the invite they
 * were emailed, so a calendar holding both treats them as one event; the meeting link is theirs.
 */
export function personFeedEvent(
  row: { registrationId: string; calendarSequence: number; session: TSessionFacts; workshop: { title: string; whatToBring: string } },
  context: TCalendarContext,
): CalendarEvent {
  const { session } = row;
  return {
    ...commonFields(session, row.workshop.title, context),
    uid: inviteUid(row.registrationId, context.appUrl),
    sequence: session.sequence + row.calendarSequence,
    status: 'CONFIRMED',
    description: paragraphs([
      session.onlineUrl && `Join online: ${session.onlineUrl}`,
      row.workshop.whatToBring && `What to bring: ${row.workshop.whatToBring}`,
      `Session page: ${sessionPageUrl(context.appUrl, session.id)}`,
    ]),
  };
}

/** One session in its trainer's feed, with how full it is. */
export function trainerFeedEvent(
  row: { session: TSessionFacts & { capacity: number; confirmedCount: number; waitlistCount: number }; workshop: { title: string } },
  context: TCalendarContext,
): CalendarEvent {
  const { session } = row;
  const waiting = session.waitlistCount > 0 ? `, ${session.waitlistCount} on the waitlist` : '';
  return {
    ...commonFields(session, row.workshop.title, context),
    uid: sessionUid(session.id, context.appUrl),
    sequence: session.sequence,
    status: 'CONFIRMED',
    description: paragraphs([
      `${session.confirmedCount} of ${session.capacity} confirmed${waiting}.`,
      session.onlineUrl && `Join online: ${session.onlineUrl}`,
      `Roster: ${base(context.appUrl)}/trainer/sessions/${session.id}`,
    ]),
  };
}
