import { Button, Text } from '@react-email/components';
import { EmailShell, emailButton, emailText } from './components/email-shell';
import type { TMailProps } from './props';

export type RegistrationConfirmPlaceEmailProps = TMailProps['registration-confirm-place'];

export default function RegistrationConfirmPlaceEmail({
  name = 'Alex Rivera',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  heldUntil = '14:30 CST',
  waitlistPosition = null,
  confirmUrl = 'http://localhost:3000/registrations/confirm?token=preview',
}: Partial<RegistrationConfirmPlaceEmailProps>) {
  const what = waitlistPosition === null ? 'a place' : `number ${waitlistPosition} on the waitlist`;
  return (
    <EmailShell preview={`Confirm your place: ${workshopTitle}`}>
      <Text style={emailText}>Hello {name},</Text>
      <Text style={emailText}>
        We are holding {what} for you in {workshopTitle} ({when}) until {heldUntil}. Confirm it with this button; until
        then it is not booked, and after that it goes to someone else.
      </Text>
      <Button href={confirmUrl} style={emailButton}>
        Confirm my place
      </Button>
      <Text style={{ ...emailText, marginTop: '24px' }}>
        Once confirmed, we will email you {waitlistPosition === null ? 'your calendar invite' : 'your waitlist place'} and a
        personal link to manage it. If you did not register, ignore this email and the place will be released.
      </Text>
    </EmailShell>
  );
}
