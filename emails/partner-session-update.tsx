import { Button, Text } from '@react-email/components';
import { EmailShell, emailButton, emailText } from './components/email-shell';
import type { TMailProps } from './props';

export type PartnerSessionUpdateEmailProps = TMailProps['partner-session-update'];

/** To a partner agency's coordinator: their joint session moved or was cancelled. */
export default function PartnerSessionUpdateEmail({
  name = 'Sgt. Dana Whitfield',
  agencyName = 'Riverside Police Department',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  where = 'Riverside Training Center, 100 River St',
  kind = 'changed',
  previousWhen = 'Mon 2 Mar, 9:00–12:00 CST',
  previousWhere = 'Riverside Training Center, 100 River St',
  message = '',
  agencyUrl = 'http://localhost:3000/agency',
}: Partial<PartnerSessionUpdateEmailProps>) {
  const subjectLine = kind === 'cancelled' ? `Cancelled: ${workshopTitle}, ${when}` : `Changed: ${workshopTitle} is now ${when}`;
  return (
    <EmailShell preview={subjectLine}>
      <Text style={emailText}>Hello {name},</Text>
      {kind === 'cancelled' ? (
        <Text style={emailText}>
          The joint session with {agencyName}, {workshopTitle} on {when} ({where}), has been cancelled. Everyone registered has been
          told and their calendar invites withdrawn.
        </Text>
      ) : (
        <Text style={emailText}>
          The joint session with {agencyName}, {workshopTitle}, has moved to {when} at {where} (it was {previousWhen}
          {previousWhere && previousWhere !== where ? `, ${previousWhere}` : ''}). Everyone registered has been sent the updated
          calendar invite.
        </Text>
      )}
      {message && (
        <Text style={emailText}>
          <strong>Message from the trainer:</strong> {message}
        </Text>
      )}
      <Button href={agencyUrl} style={emailButton}>
        See your agency’s records
      </Button>
    </EmailShell>
  );
}
