import 'server-only';
import type { TTrainingSession } from '@/db/schema';
import { checkInUrlFor } from '@/lib/attendance/check-in-link';
import { inviteUid } from '@/lib/calendar/ics';
import type { TPlaceMailProps } from '@/emails/components/session-facts';
import type { TInviteSpec } from '@/lib/calendar/invite-spec';
import { getEnv } from '@/lib/config/env';
import type { TMailMessage } from '@/lib/mail/enqueue';
import { formatSessionRange } from '@/lib/time/zoned';
import { manageUrlFor, whereText } from './mail';
import { manageTokenFor } from './tokens';

/** The session fields every email about a place needs; a session row plus its workshop. */
export type TPlaceSession = Pick<
  TTrainingSession,
  | 'id'
  | 'startsAt'
  | 'endsAt'
  | 'timeZone'
  | 'venueName'
  | 'venueAddress'
  | 'onlineUrl'
  | 'sequence'
  | 'status'
  | 'firstReminderHours'
  | 'secondReminderHours'
> & { workshopTitle: string; workshopSlug: string; whatToBring: string };

/** One person's registration, as the emails about it need it. */
export type TPlacePerson = { id: string; name: string; email: string; calendarSequence: number };

function appUrl(): string {
  return getEnv().APP_URL.replace(/\/+$/, '');
}

function sessionUrl(session: TPlaceSession): string {
  return `${appUrl()}/sessions/${session.id}`;
}

function calendarLocation(session: TPlaceSession): string {
  const venue = [session.venueName, session.venueAddress].filter(Boolean).join(', ');
  return venue || (session.onlineUrl ? 'Online' : '');
}

function calendarDescription(session: TPlaceSession): string {
  return [
    session.workshopTitle,
    session.onlineUrl ? `Join online: ${session.onlineUrl}` : '',
    session.whatToBring ? `What to bring: ${session.whatToBring}` : '',
    `Session details: ${sessionUrl(session)}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The person's invite for this session. Its SEQUENCE is the session's (raised by every change of
 * time, place or status) plus the registration's own (raised when that one place is cancelled),
 * so it only ever grows and every update supersedes the last.
 */
export function inviteSpecFor(session: TPlaceSession, person: TPlacePerson, method: 'REQUEST' | 'CANCEL'): TInviteSpec {
  return {
    method,
    uid: inviteUid(person.id, getEnv().APP_URL),
    sequence: session.sequence + person.calendarSequence,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    title: session.workshopTitle,
    description: calendarDescription(session),
    location: calendarLocation(session),
    url: sessionUrl(session),
    attendee: { name: person.name, email: person.email },
  };
}

function facts(session: TPlaceSession) {
  return {
    workshopTitle: session.workshopTitle,
    when: formatSessionRange(session.startsAt, session.endsAt, session.timeZone),
    where: whereText(session),
    sessionUrl: sessionUrl(session),
  };
}

function about(session: TPlaceSession, person: TPlacePerson) {
  return { to: person.email, sessionId: session.id, registrationId: person.id };
}

export function manageUrlOf(person: Pick<TPlacePerson, 'id'>): string {
  return manageUrlFor(manageTokenFor(person.id).token);
}

/** "in 7 days", "tomorrow", "in 2 hours". */
export function leadTimeText(hours: number): string {
  if (hours === 24) return 'tomorrow';
  if (hours % 24 === 0) return `in ${hours / 24} days`;
  return hours === 1 ? 'in 1 hour' : `in ${hours} hours`;
}

/** What every email about one confirmed place repeats: built once per place, not once per email. */
function placeFacts(session: TPlaceSession, person: TPlacePerson): TPlaceMailProps {
  return {
    name: person.name,
    ...facts(session),
    manageUrl: manageUrlOf(person),
    onlineUrl: session.onlineUrl,
    whatToBring: session.whatToBring,
    invite: inviteSpecFor(session, person, 'REQUEST'),
  };
}

/** The session's reminders for one confirmed person, skipping any whose time has passed. */
export function reminderMessages(
  session: TPlaceSession,
  person: TPlacePerson,
  now: Date,
  shared: TPlaceMailProps = placeFacts(session, person),
): TMailMessage[] {
  if (session.status !== 'scheduled') return [];
  const offsets = [...new Set([session.firstReminderHours, session.secondReminderHours])].filter((h): h is number => h !== null && h > 0);
  return offsets
    .map((hours) => ({ hours, dueAt: new Date(session.startsAt.getTime() - hours * 3_600_000) }))
    .filter(({ dueAt }) => dueAt.getTime() > now.getTime())
    .map(({ hours, dueAt }) => ({
      ...about(session, person),
      template: 'session-reminder' as const,
      dueAt,
      props: { ...shared, leadTime: leadTimeText(hours) },
    }));
}

/** A confirmed place: the confirmation with its invite, and the reminders still to come. */
export function confirmationMessages(
  session: TPlaceSession,
  person: TPlacePerson,
  reason: 'registered' | 'promoted' | 'moved',
  now: Date,
  nominatedBy?: string,
): TMailMessage[] {
  const shared = placeFacts(session, person);
  return [
    {
      ...about(session, person),
      template: 'registration-confirmed',
      props: { ...shared, reason, checkInUrl: checkInUrlFor(person.id), ...(nominatedBy && { nominatedBy }) },
    },
    ...reminderMessages(session, person, now, shared),
  ];
}

export function waitlistMessage(session: TPlaceSession, person: TPlacePerson, position: number): TMailMessage {
  const { workshopTitle, when } = facts(session);
  return {
    ...about(session, person),
    template: 'registration-waitlisted',
    props: { name: person.name, workshopTitle, when, position, manageUrl: manageUrlOf(person) },
  };
}

/**
 * A place ended. A confirmed place had an invite, so this carries METHOD:CANCEL: pass the person
 * with their raised `calendarSequence`.
 */
export function cancellationMessage(
  session: TPlaceSession,
  person: TPlacePerson,
  options: {
    by: 'self' | 'trainer' | 'moved' | 'agency' | 'declined' | 'expired';
    agencyName?: string;
    approver?: string;
    wasConfirmed: boolean;
    reason?: string;
  },
): TMailMessage {
  const { workshopTitle, when, sessionUrl: url } = facts(session);
  return {
    ...about(session, person),
    template: 'registration-cancelled',
    props: {
      name: person.name,
      workshopTitle,
      when,
      sessionUrl: url,
      by: options.by,
      ...(options.agencyName ? { agencyName: options.agencyName } : {}),
      ...(options.approver ? { approver: options.approver } : {}),
      wasConfirmed: options.wasConfirmed,
      ...(options.reason ? { reason: options.reason } : {}),
      ...(options.wasConfirmed ? { invite: inviteSpecFor(session, person, 'CANCEL') } : {}),
    },
  };
}

/** The session moved or changed place: the updated invite (same UID, higher SEQUENCE). */
export function changedMessage(session: TPlaceSession, previous: TPlaceSession, person: TPlacePerson): TMailMessage {
  const before = facts(previous);
  return {
    ...about(session, person),
    template: 'session-changed',
    props: {
      name: person.name,
      ...facts(session),
      previousWhen: before.when,
      previousWhere: before.where,
      manageUrl: manageUrlOf(person),
      onlineUrl: session.onlineUrl,
      whatToBring: session.whatToBring,
      invite: inviteSpecFor(session, person, 'REQUEST'),
    },
  };
}

/** The whole session is cancelled: confirmed people get METHOD:CANCEL, waitlisted people a note. */
export function sessionCancelledMessage(
  session: TPlaceSession,
  person: TPlacePerson,
  wasConfirmed: boolean,
  message: string | undefined,
): TMailMessage {
  const { workshopTitle, when } = facts(session);
  return {
    ...about(session, person),
    template: 'session-cancelled',
    props: {
      name: person.name,
      workshopTitle,
      when,
      workshopUrl: `${appUrl()}/workshops/${session.workshopSlug}`,
      ...(message ? { message } : {}),
      ...(wasConfirmed ? { invite: inviteSpecFor(session, person, 'CANCEL') } : {}),
    },
  };
}
