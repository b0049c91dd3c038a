import { Button, Text } from '@react-email/components';
import { EmailShell, emailButton, emailText } from './components/email-shell';

export type ApprovalRequestedEmailProps = {
  /** The officer who asked for a place. */
  officerName: string;
  officerEmail: string;
  /** The agency they belong to, when known. */
  agencyName: string | null;
  workshopTitle: string;
  when: string;
  /** Until when the place waits for a decision, with its zone. */
  decideBy: string;
  /** The page with the Approve and Decline buttons; opening it decides nothing. */
  decideUrl: string;
};

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
