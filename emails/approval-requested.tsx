import { Button, Text } from '@react-email/components';
import { EmailShell, emailButton, emailText } from './components/email-shell';
import type { TMailProps } from './props';

export type ApprovalRequestedEmailProps = TMailProps['approval-requested'];

export default function ApprovalRequestedEmail({
  officerName = 'Alex Rivera',
  officerEmail = 'alex.rivera@springfieldpd.gov',
  agencyName = 'Springfield PD',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  decideBy = '6 Mar 2026, 9:00 CST',
  decideUrl = 'http://localhost:3000/approvals/preview',
}: Partial<ApprovalRequestedEmailProps>) {
  return (
    <EmailShell preview={`Approve a place: ${officerName}, ${workshopTitle}`}>
      <Text style={emailText}>Hello,</Text>
      <Text style={emailText}>
        {officerName} ({officerEmail}{agencyName ? `, ${agencyName}` : ''}) asks for a place in {workshopTitle} on {when}. The place is held
        for them until {decideBy}; after that it goes back to others.
      </Text>
      <Button href={decideUrl} style={emailButton}>
        Approve or decline
      </Button>
      <Text style={{ ...emailText, marginTop: '24px' }}>
        The button opens a page where you approve or decline; opening it decides nothing. The link works once and only for this request.
      </Text>
    </EmailShell>
  );
}
