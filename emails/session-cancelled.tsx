import { Link, Text } from '@react-email/components';
import type { TInviteSpec } from '@/lib/calendar/invite-spec';
import { EmailShell, emailText } from './components/email-shell';

export type SessionCancelledEmailProps = {
  name: string;
  workshopTitle: string;
  when: string;
  /** The workshop page, where other dates are listed. */
  workshopUrl: string;
  message?: string;
  /** METHOD:CANCEL for confirmed people; waitlisted people had no invite. */
  invite?: TInviteSpec;
};

export default function SessionCancelledEmail({
  name = 'Alex Rivera',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  workshopUrl = 'http://localhost:3000/workshops/preview',
  message = '',
  invite,
}: Partial<SessionCancelledEmailProps>) {
  return (
    <EmailShell preview={`Cancelled: ${workshopTitle}, ${when}`}>
      <Text style={emailText}>Hello {name},</Text>
      <Text style={emailText}>
        We are sorry: {workshopTitle} on {when} has been cancelled{invite ? ', and your place with it' : ''}.
      </Text>
      {message && (
        <Text style={emailText}>
          <strong>Message from the trainer:</strong> {message}
        </Text>
      )}
      {invite && <Text style={emailText}>The update attached to this email removes the event from your calendar.</Text>}
      <Text style={emailText}>
        <Link href={workshopUrl}>See other dates for this workshop</Link>.
      </Text>
    </EmailShell>
  );
}
