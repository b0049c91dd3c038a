import { Link, Text } from '@react-email/components';
import { EmailShell, emailText } from './components/email-shell';
import type { TMailProps } from './props';

export type RegistrationPendingEmailProps = TMailProps['registration-pending'];

export default function RegistrationPendingEmail({
  name = 'Alex Rivera',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  approver = 'your coordinator at Springfield PD',
  decideBy = '6 Mar 2026, 9:00 CST',
  waitlistPosition = null,
  manageUrl = 'http://localhost:3000/registrations/manage?token=preview',
}: Partial<RegistrationPendingEmailProps>) {
  const what = waitlistPosition === null ? 'a place' : `number ${waitlistPosition} on the waitlist`;
  return (
    <EmailShell preview={`Waiting for approval: ${workshopTitle}`}>
      <Text style={emailText}>Hello {name},</Text>
      <Text style={emailText}>
        This session needs approval before a place is confirmed. We are holding {what} for you in {workshopTitle} ({when}) while {approver}{' '}
        decides, until {decideBy}. You will get your calendar invite once it is approved.
      </Text>
      <Text style={emailText}>
        You can withdraw the request here: <Link href={manageUrl}>manage your registration</Link>.
      </Text>
    </EmailShell>
  );
}
