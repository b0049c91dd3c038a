import { Button, Text } from '@react-email/components';
import { EmailShell, emailButton, emailText } from './components/email-shell';
import { PersonalLinkNote } from './components/session-facts';
import type { TMailProps } from './props';

export type RegistrationManageLinkEmailProps = TMailProps['registration-manage-link'];

export default function RegistrationManageLinkEmail({
  name = 'Alex Rivera',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  manageUrl = 'http://localhost:3000/registrations/manage?token=preview',
}: Partial<RegistrationManageLinkEmailProps>) {
  return (
    <EmailShell preview={`Your registration for ${workshopTitle}`}>
      <Text style={emailText}>Hello {name},</Text>
      <Text style={emailText}>
        Someone, probably you, tried to register this address again for {workshopTitle} ({when}). You already have a
        place, so nothing was changed. Use this link to see, cancel or move it:
      </Text>
      <Button href={manageUrl} style={emailButton}>
        Manage your registration
      </Button>
      <Text style={{ ...emailText, marginTop: '24px' }}>If it was not you, you can ignore this email.</Text>
      <PersonalLinkNote />
    </EmailShell>
  );
}
