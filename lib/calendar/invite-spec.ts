import { buildInvite } from './ics';
import type { LinkEvent } from './links';
import type { Mailbox } from './mail-from';

/**
 * Everything an emailed invite needs, stored with the queued message (JSON, so instants are ISO
 * strings). The calendar file itself is built when the message is delivered, so its DTSTAMP is
 * the time it was sent, and the request that queued it does no calendar work.
 */
export type TInviteSpec = {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  startsAt: string;
  endsAt: string;
  title: string;
  description: string;
  location: string;
  url?: string;
  attendee: Mailbox;
};

export type TInviteParts = {
  alternative: { contentType: string; content: string };
  attachment: { filename: string; contentType: string; content: string };
};

/** The `text/calendar; method=…` alternative body and the same file as an .ics attachment. */
export function invitePartsFromSpec(spec: TInviteSpec, organizer: Mailbox, now: Date): TInviteParts {
  const invite = buildInvite({
    method: spec.method,
    uid: spec.uid,
    sequence: spec.sequence,
    now,
    startsAt: new Date(spec.startsAt),
    endsAt: new Date(spec.endsAt),
    title: spec.title,
    description: spec.description,
    location: spec.location,
    url: spec.url,
    organizer,
    attendee: spec.attendee,
  });
  return {
    alternative: { contentType: invite.mimeType, content: invite.ics },
    // Clients that ignore the alternative (some webmail) still offer the file; `application/ics`
    // keeps them from treating the attachment as a second, competing invitation.
    attachment: { filename: spec.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', contentType: 'application/ics', content: invite.ics },
  };
}

/** The same event for "Add to Google Calendar" and "Add to Outlook" links. */
export function linkEventFromSpec(spec: TInviteSpec): LinkEvent {
  return {
    title: spec.title,
    startsAt: new Date(spec.startsAt),
    endsAt: new Date(spec.endsAt),
    description: spec.description,
    location: spec.location,
    url: spec.url,
  };
}
