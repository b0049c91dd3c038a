import type { ComponentType } from 'react';
import type { TMailTemplateName } from './props';
import ApprovalRequestedEmail from './approval-requested';
import CertificateIssuedEmail from './certificate-issued';
import CoFacilitatorInviteEmail from './co-facilitator-invite';
import PartnerSessionUpdateEmail from './partner-session-update';
import RegistrationCancelledEmail from './registration-cancelled';
import RegistrationConfirmPlaceEmail from './registration-confirm-place';
import RegistrationConfirmedEmail from './registration-confirmed';
import RegistrationManageLinkEmail from './registration-manage-link';
import RegistrationPendingEmail from './registration-pending';
import RegistrationWaitlistedEmail from './registration-waitlisted';
import SessionAnnouncementEmail from './session-announcement';
import SessionCancelledEmail from './session-cancelled';
import SessionChangedEmail from './session-changed';
import SessionReminderEmail from './session-reminder';
import SignInEmail from './sign-in';

/** Every email Muster sends, by the template name stored on its outbox row. */
export const emailComponents: { [K in TMailTemplateName]: ComponentType<never> } = {
  'sign-in': SignInEmail,
  'registration-confirmed': RegistrationConfirmedEmail,
  'registration-waitlisted': RegistrationWaitlistedEmail,
  'registration-cancelled': RegistrationCancelledEmail,
  'registration-manage-link': RegistrationManageLinkEmail,
  'registration-confirm-place': RegistrationConfirmPlaceEmail,
  'session-reminder': SessionReminderEmail,
  'session-changed': SessionChangedEmail,
  'session-cancelled': SessionCancelledEmail,
  'session-announcement': SessionAnnouncementEmail,
  'certificate-issued': CertificateIssuedEmail,
  'partner-session-update': PartnerSessionUpdateEmail,
  'co-facilitator-invite': CoFacilitatorInviteEmail,
  'approval-requested': ApprovalRequestedEmail,
  'registration-pending': RegistrationPendingEmail,
};
