import type { ApprovalRequestedEmailProps } from '@/emails/approval-requested';
import type { CertificateIssuedEmailProps } from '@/emails/certificate-issued';
import type { CoFacilitatorInviteEmailProps } from '@/emails/co-facilitator-invite';
import type { PartnerSessionUpdateEmailProps } from '@/emails/partner-session-update';
import type { RegistrationCancelledEmailProps } from '@/emails/registration-cancelled';
import type { RegistrationConfirmPlaceEmailProps } from '@/emails/registration-confirm-place';
import type { RegistrationConfirmedEmailProps } from '@/emails/registration-confirmed';
import type { RegistrationManageLinkEmailProps } from '@/emails/registration-manage-link';
import type { RegistrationPendingEmailProps } from '@/emails/registration-pending';
import type { RegistrationWaitlistedEmailProps } from '@/emails/registration-waitlisted';
import type { SessionAnnouncementEmailProps } from '@/emails/session-announcement';
import type { SessionCancelledEmailProps } from '@/emails/session-cancelled';
import type { SessionChangedEmailProps } from '@/emails/session-changed';
import type { SessionReminderEmailProps } from '@/emails/session-reminder';
import type { SignInEmailProps } from '@/emails/sign-in';

/**
 * Subjects are computed when a message is queued (so the outbox shows them) without loading
 * React; the body is rendered from the same props when the message is delivered.
 */
export const mailSubjects = {
  'sign-in': (_props: SignInEmailProps) => 'Your Muster sign-in link',
  'registration-confirmed': (props: RegistrationConfirmedEmailProps) =>
    props.reason === 'promoted'
      ? `A place opened up: you're booked for ${props.workshopTitle}, ${props.when}`
      : props.nominatedBy
        ? `${props.nominatedBy} registered you: ${props.workshopTitle}, ${props.when}`
        : `You're booked: ${props.workshopTitle}, ${props.when}`,
  'registration-waitlisted': (props: RegistrationWaitlistedEmailProps) =>
    `You're on the waitlist (number ${props.position}): ${props.workshopTitle}`,
  'registration-cancelled': (props: RegistrationCancelledEmailProps) =>
    props.by === 'declined' || props.by === 'expired'
      ? `Not approved: ${props.workshopTitle}, ${props.when}`
      : props.wasConfirmed
      ? `Cancelled: your place in ${props.workshopTitle}, ${props.when}`
      : `You're off the waitlist: ${props.workshopTitle}, ${props.when}`,
  'registration-manage-link': (props: RegistrationManageLinkEmailProps) => `Your registration for ${props.workshopTitle}`,
  'registration-confirm-place': (props: RegistrationConfirmPlaceEmailProps) => `Confirm your place: ${props.workshopTitle}`,
  'session-reminder': (props: SessionReminderEmailProps) => `Reminder: ${props.workshopTitle}, ${props.when}`,
  'session-changed': (props: SessionChangedEmailProps) => `Changed: ${props.workshopTitle} is now ${props.when}`,
  'session-cancelled': (props: SessionCancelledEmailProps) => `Cancelled: ${props.workshopTitle}, ${props.when}`,
  'session-announcement': (props: SessionAnnouncementEmailProps) => `${props.workshopTitle}: ${props.subject}`,
  'partner-session-update': (props: PartnerSessionUpdateEmailProps) =>
    props.kind === 'cancelled'
      ? `Cancelled: ${props.workshopTitle}, ${props.when} (joint with ${props.agencyName})`
      : `Changed: ${props.workshopTitle} is now ${props.when} (joint with ${props.agencyName})`,
  'co-facilitator-invite': (props: CoFacilitatorInviteEmailProps) =>
    ({
      added: `You co-facilitate: ${props.workshopTitle}, ${props.when}`,
      changed: `Changed: ${props.workshopTitle} is now ${props.when} (you co-facilitate)`,
      cancelled: `Cancelled: ${props.workshopTitle}, ${props.when} (you were to co-facilitate)`,
      removed: `No longer co-facilitating: ${props.workshopTitle}, ${props.when}`,
    })[props.kind],
  'approval-requested': (props: ApprovalRequestedEmailProps) => `Approve a place: ${props.officerName}, ${props.workshopTitle}`,
  'registration-pending': (props: RegistrationPendingEmailProps) => `Waiting for approval: ${props.workshopTitle}, ${props.when}`,
  'certificate-issued': (props: CertificateIssuedEmailProps) =>
    props.replacesCode ? `Your corrected certificate: ${props.workshopTitle}` : `Your certificate: ${props.workshopTitle}`,
};

export type TMailTemplates = { [K in keyof typeof mailSubjects]: Parameters<(typeof mailSubjects)[K]>[0] };
export type TMailTemplateName = keyof TMailTemplates;
