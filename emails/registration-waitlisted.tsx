import { Link, Text } from '@react-email/components';
import { EmailShell, emailText } from './components/email-shell';
import type { TMailProps } from './props';

export type RegistrationWaitlistedEmailProps = TMailProps['registration-waitlisted'];

export default function RegistrationWaitlistedEmail({
  name = 'Alex Rivera',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  position = 3,
  manageUrl = 'http://localhost:3000/registrations/manage?token=preview',
}: Partial<RegistrationWaitlistedEmailProps>) {
  return (
    <EmailShell preview={`You're number ${position} on the waitlist for ${workshopTitle}`}>
      <Text style={emailText}>Hello {name},</Text>
      <Text style={emailText}>
        {workshopTitle} ({when}) is full. You are number {position} on the waitlist.
      </Text>
      <Text style={emailText}>
        When a place frees up, the first person on the waitlist gets it automatically and we email you a
        confirmation. You do not need to do anything until then.
      </Text>
      <Text style={emailText}>
        If you no longer need a place, please <Link href={manageUrl}>leave the waitlist</Link>.
      </Text>
      <Text style={{ ...emailText, fontSize: '14px' }}>
        The link to manage your registration is personal; please do not forward this email.
      </Text>
    </EmailShell>
  );
}
