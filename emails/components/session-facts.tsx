import { Link, Text } from '@react-email/components';
import { googleCalendarLink, outlookCalendarLink } from '@/lib/calendar/links';
import { linkEventFromSpec, type TInviteSpec } from '@/lib/calendar/invite-spec';
import { emailText } from './email-shell';

/** What every email about one confirmed place says: the session, the person's links, the invite. */
export type { TPlaceMailProps } from '../props';

/** The facts every email about a place repeats: when (zone named), where, the link, what to bring. */
export function SessionFacts({
  when,
  where,
  onlineUrl,
  whatToBring,
}: {
  when: string;
  where: string;
  onlineUrl?: string | null;
  whatToBring?: string;
}) {
  return (
    <Text style={emailText}>
      <strong>When:</strong> {when}
      <br />
      <strong>Where:</strong> {where}
      {onlineUrl && (
        <>
          <br />
          <strong>Join online:</strong> <Link href={onlineUrl}>{onlineUrl}</Link>
        </>
      )}
      {whatToBring && (
        <>
          <br />
          <strong>What to bring:</strong> {whatToBring}
        </>
      )}
    </Text>
  );
}

/** For calendars that do not pick up the attached invite by themselves. */
export function CalendarLinks({ invite }: { invite: TInviteSpec }) {
  const event = linkEventFromSpec(invite);
  return (
    <Text style={{ ...emailText, fontSize: '14px' }}>
      The invitation is attached for Outlook and Apple Calendar. You can also{' '}
      <Link href={googleCalendarLink(event)}>add it to Google Calendar</Link> or{' '}
      <Link href={outlookCalendarLink(event)}>add it to Outlook on the web</Link>.
    </Text>
  );
}

export function PersonalLinkNote() {
  return (
    <Text style={{ ...emailText, fontSize: '14px' }}>
      The link to manage your registration is personal; please do not forward this email.
    </Text>
  );
}
