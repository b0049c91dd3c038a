import { Button, Link, Text } from '@react-email/components';
import { EmailShell, emailButton, emailText } from './components/email-shell';
import { CheckInCode } from './components/check-in-code';
import { CalendarLinks, PersonalLinkNote, SessionFacts } from './components/session-facts';
import { previewInvite } from './preview-invite';
import type { TMailProps } from './props';

export type RegistrationConfirmedEmailProps = TMailProps['registration-confirmed'];

const openings = {
  registered: (title: string) => `You have a place in ${title}.`,
  promoted: (title: string) => `Good news: a place opened up and it is yours. You are now confirmed for ${title}.`,
  moved: (title: string) => `You have moved to this session of ${title}. Your place in the other session is cancelled.`,
};

export default function RegistrationConfirmedEmail({
  name = 'Alex Rivera',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  where = 'Training Room 2, 100 Main Street, Springfield',
  manageUrl = 'http://localhost:3000/registrations/manage?token=preview',
  sessionUrl = 'http://localhost:3000/sessions/preview',
  onlineUrl = null,
  whatToBring = '',
  reason = 'registered',
  invite = previewInvite,
  // No preview value: a message queued without a link has no QR image attached either, and a
  // placeholder code that checks nobody in would be worse than none.
  checkInUrl,
  nominatedBy,
}: Partial<RegistrationConfirmedEmailProps>) {
  return (
    <EmailShell preview={`You're booked: ${workshopTitle}, ${when}`}>
      <Text style={emailText}>Hello {name},</Text>
      <Text style={emailText}>
        {nominatedBy ? `${nominatedBy} registered you for ${workshopTitle}: you have a place.` : openings[reason](workshopTitle)}
      </Text>
      <SessionFacts when={when} where={where} onlineUrl={onlineUrl} whatToBring={whatToBring} />
      <Button href={sessionUrl} style={emailButton}>
        See the session details
      </Button>
      <Text style={{ ...emailText, marginTop: '24px' }}>
        If your duties change, please cancel so someone on the waitlist can have your place:{' '}
        <Link href={manageUrl}>manage your registration</Link>. You can also move to another date there.
      </Text>
      {checkInUrl && <CheckInCode url={checkInUrl} />}
      {invite && <CalendarLinks invite={invite} />}
      <PersonalLinkNote />
    </EmailShell>
  );
}
