import { Link, Text } from '@react-email/components';
import { EmailShell, emailText } from './components/email-shell';
import type { TMailProps } from './props';

export type SessionCancelledEmailProps = TMailProps['session-cancelled'];

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
