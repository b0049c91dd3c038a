import { Button, Link, Text } from '@react-email/components';
import { EmailShell, emailButton, emailText } from './components/email-shell';
import { CalendarLinks, PersonalLinkNote, SessionFacts } from './components/session-facts';
import type { TMailProps } from './props';

export type SessionChangedEmailProps = TMailProps['session-changed'];

export default function SessionChangedEmail({
  name = 'Alex Rivera',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Wed 4 Mar, 9:00–12:00 CST',
  where = 'Training Room 2, 100 Main Street, Springfield',
  previousWhen = 'Tue 3 Mar, 9:00–12:00 CST',
  previousWhere = 'Training Room 2, 100 Main Street, Springfield',
  manageUrl = 'http://localhost:3000/registrations/manage?token=preview',
  sessionUrl = 'http://localhost:3000/sessions/preview',
  onlineUrl = null,
  whatToBring = '',
  invite,
}: Partial<SessionChangedEmailProps>) {
  const timeChanged = when !== previousWhen;
  const placeChanged = where !== previousWhere;
  return (
    <EmailShell preview={`Changed: ${workshopTitle} is now ${when}`}>
      <Text style={emailText}>Hello {name},</Text>
      <Text style={emailText}>The trainer has changed {workshopTitle}. Your place is kept.</Text>
      {timeChanged && (
        <Text style={emailText}>
          <strong>Time:</strong> was {previousWhen}, now <strong>{when}</strong>
        </Text>
      )}
      {placeChanged && (
        <Text style={emailText}>
          <strong>Place:</strong> was {previousWhere}, now <strong>{where}</strong>
        </Text>
      )}
      <SessionFacts when={when} where={where} onlineUrl={onlineUrl} whatToBring={whatToBring} />
      <Button href={sessionUrl} style={emailButton}>
        See the session details
      </Button>
      <Text style={{ ...emailText, marginTop: '24px' }}>
        The update attached to this email moves the event in your calendar. If the new time does not suit you,{' '}
        <Link href={manageUrl}>cancel or move to another date</Link>.
      </Text>
      {invite && <CalendarLinks invite={invite} />}
      <PersonalLinkNote />
    </EmailShell>
  );
}
