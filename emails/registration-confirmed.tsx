import { Button, Link, Text } from '@react-email/components';
import { EmailShell, emailButton, emailText } from './components/email-shell';

export type RegistrationConfirmedEmailProps = {
  name: string;
  workshopTitle: string;
  /** Already formatted in the session's zone, with the zone named. */
  when: string;
  where: string;
  manageUrl: string;
  sessionUrl: string;
};

export default function RegistrationConfirmedEmail({
  name = 'Alex Rivera',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  where = 'Training Room 2, 100 Main Street, Springfield',
  manageUrl = 'http://localhost:3000/registrations/manage?token=preview',
  sessionUrl = 'http://localhost:3000/sessions/preview',
}: Partial<RegistrationConfirmedEmailProps>) {
  return (
    <EmailShell preview={`You're booked: ${workshopTitle}, ${when}`}>
      <Text style={emailText}>Hello {name},</Text>
      <Text style={emailText}>You have a place in {workshopTitle}.</Text>
      <Text style={emailText}>
        <strong>When:</strong> {when}
        <br />
        <strong>Where:</strong> {where}
      </Text>
      <Button href={sessionUrl} style={emailButton}>
        See the session details
      </Button>
      <Text style={{ ...emailText, marginTop: '24px' }}>
        If your duties change, please cancel so someone on the waitlist can have your place:{' '}
        <Link href={manageUrl}>manage your registration</Link>.
      </Text>
      <Text style={{ ...emailText, fontSize: '14px' }}>
        The link to manage your registration is personal; please do not forward this email.
      </Text>
    </EmailShell>
  );
}
