import { Button, Link, Text } from '@react-email/components';
import { EmailShell, emailButton, emailText } from './components/email-shell';
import type { TMailProps } from './props';

export type CoFacilitatorInviteEmailProps = TMailProps['co-facilitator-invite'];

/** To a co-facilitator: their own invite for the session, its updates and its withdrawal. */
export default function CoFacilitatorInviteEmail({
  name = 'Dr. Maya Chen',
  leadName = 'Jordan Ellis',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  where = 'Riverside Training Center, 100 River St',
  kind = 'added',
  previousWhen = 'Mon 2 Mar, 9:00–12:00 CST',
  message = '',
  rosterUrl = 'http://localhost:3000/trainer/sessions/preview',
}: Partial<CoFacilitatorInviteEmailProps>) {
  const staffed = kind === 'added' || kind === 'changed';
  return (
    <EmailShell preview={`${workshopTitle}, ${when}`}>
      <Text style={emailText}>Hello {name},</Text>
      {kind === 'added' && (
        <Text style={emailText}>
          {leadName} has listed you as a co-facilitator of {workshopTitle} on {when} at {where}. The calendar invite attached to this email
          is yours; it updates if the session moves.
        </Text>
      )}
      {kind === 'changed' && (
        <Text style={emailText}>
          {workshopTitle}, which you co-facilitate, has moved to {when} at {where} (it was {previousWhen}). The attached invite updates your
          calendar.
        </Text>
      )}
      {kind === 'cancelled' && (
        <Text style={emailText}>
          {workshopTitle} on {when}, which you were to co-facilitate, has been cancelled. The attached update removes it from your calendar.
        </Text>
      )}
      {kind === 'removed' && (
        <Text style={emailText}>
          {leadName} has taken you off the facilitators of {workshopTitle} on {when}. The attached update removes it from your calendar.
        </Text>
      )}
      {message && (
        <Text style={emailText}>
          <strong>Message from the trainer:</strong> {message}
        </Text>
      )}
      {staffed && (
        <>
          <Text style={emailText}>
            Sign in to Muster with this email address to see who is coming and to take attendance at the door.
          </Text>
          <Button href={rosterUrl} style={emailButton}>
            Open the roster
          </Button>
          <Text style={emailText}>
            Or copy this address: <Link href={rosterUrl}>{rosterUrl}</Link>
          </Text>
        </>
      )}
    </EmailShell>
  );
}
