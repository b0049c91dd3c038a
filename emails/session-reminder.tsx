import { Button, Link, Text } from '@react-email/components';
import { EmailShell, emailButton, emailText } from './components/email-shell';
import { CalendarLinks, PersonalLinkNote, SessionFacts } from './components/session-facts';
import { previewInvite } from './preview-invite';
import type { TMailProps } from './props';

export type SessionReminderEmailProps = TMailProps['session-reminder'];

export default function SessionReminderEmail({
  name = 'Alex Rivera',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  where = 'Training Room 2, 100 Main Street, Springfield',
  leadTime = 'in 7 days',
  manageUrl = 'http://localhost:3000/registrations/manage?token=preview',
  sessionUrl = 'http://localhost:3000/sessions/preview',
  onlineUrl = null,
  whatToBring = '',
  invite = previewInvite,
}: Partial<SessionReminderEmailProps>) {
  return (
    <EmailShell preview={`Reminder: ${workshopTitle} is ${leadTime}`}>
      <Text style={emailText}>Hello {name},</Text>
      <Text style={emailText}>
        A reminder that {workshopTitle} is {leadTime}.
      </Text>
      <SessionFacts when={when} where={where} onlineUrl={onlineUrl} whatToBring={whatToBring} />
      <Button href={sessionUrl} style={emailButton}>
        See the session details
      </Button>
      <Text style={{ ...emailText, marginTop: '24px' }}>
        Can no longer come? Please <Link href={manageUrl}>cancel your place</Link> so someone on the waitlist can have
        it.
      </Text>
      {invite && <CalendarLinks invite={invite} />}
      <PersonalLinkNote />
    </EmailShell>
  );
}
