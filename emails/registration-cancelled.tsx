import { Link, Text } from '@react-email/components';
import { EmailShell, emailText } from './components/email-shell';
import type { TMailProps } from './props';

export type RegistrationCancelledEmailProps = TMailProps['registration-cancelled'];

function opening(props: RegistrationCancelledEmailProps): string {
  const place = props.wasConfirmed ? 'your place in' : 'your waitlist place for';
  if (props.by === 'moved') return `As you asked, ${place} ${props.workshopTitle} on ${props.when} is cancelled; a separate email confirms your new session.`;
  if (props.by === 'declined') return `Your request for a place in ${props.workshopTitle} on ${props.when} was declined by ${props.approver ?? 'the trainer'}, so the place has gone back to others.`;
  if (props.by === 'expired') return `Your request for a place in ${props.workshopTitle} on ${props.when} was not approved in time, so the place has gone back to others. You can register again if seats are free.`;
  if (props.by === 'agency') return `${props.agencyName ?? 'Your agency'} has cancelled ${place} ${props.workshopTitle} on ${props.when}.`;
  if (props.by === 'trainer') return `The trainer has cancelled ${place} ${props.workshopTitle} on ${props.when}.`;
  return `As you asked, ${place} ${props.workshopTitle} on ${props.when} is cancelled.`;
}

export default function RegistrationCancelledEmail(input: Partial<RegistrationCancelledEmailProps>) {
  const props: RegistrationCancelledEmailProps = {
    name: 'Alex Rivera',
    workshopTitle: 'Trauma-informed interviewing',
    when: 'Tue 3 Mar, 9:00–12:00 CST',
    sessionUrl: 'http://localhost:3000/sessions/preview',
    by: 'self',
    wasConfirmed: true,
    ...input,
  };
  return (
    <EmailShell preview={`Cancelled: ${props.workshopTitle}, ${props.when}`}>
      <Text style={emailText}>Hello {props.name},</Text>
      <Text style={emailText}>{opening(props)}</Text>
      {props.reason && (
        <Text style={emailText}>
          <strong>Message from the trainer:</strong> {props.reason}
        </Text>
      )}
      {props.invite && (
        <Text style={emailText}>The event is removed from your calendar by the update attached to this email.</Text>
      )}
      <Text style={emailText}>
        You can register again while places are available: <Link href={props.sessionUrl}>see the session</Link>.
      </Text>
    </EmailShell>
  );
}
