import { Link, Text } from '@react-email/components';
import { EmailShell, emailText } from './components/email-shell';
import { PersonalLinkNote } from './components/session-facts';
import type { TMailProps } from './props';

export type SessionAnnouncementEmailProps = TMailProps['session-announcement'];

export default function SessionAnnouncementEmail({
  name = 'Alex Rivera',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  subject = 'Parking',
  message = 'The main car park is closed on the day; please use the visitor car park on Elm Street.',
  sessionUrl = 'http://localhost:3000/sessions/preview',
  manageUrl = 'http://localhost:3000/registrations/manage?token=preview',
}: Partial<SessionAnnouncementEmailProps>) {
  return (
    <EmailShell preview={`${workshopTitle}: ${subject}`}>
      <Text style={emailText}>Hello {name},</Text>
      <Text style={emailText}>
        A message from the trainer about {workshopTitle} ({when}):
      </Text>
      <Text style={{ ...emailText, whiteSpace: 'pre-wrap' }}>{message}</Text>
      <Text style={emailText}>
        <Link href={sessionUrl}>See the session details</Link> · <Link href={manageUrl}>Manage your registration</Link>
      </Text>
      <PersonalLinkNote />
    </EmailShell>
  );
}
