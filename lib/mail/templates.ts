import { mailProps, type TMailProps, type TMailTemplateName } from '@/emails/props';

export type { TMailProps as TMailTemplates, TMailTemplateName };

/**
 * Parts of a message made when it is delivered rather than stored in the outbox (a QR code, a
 * stored certificate PDF); startup hands the mail worker a builder for each.
 */
export type TDeliveryPartName = 'check-in-qr' | 'certificate-pdf';

const subjects: { [K in TMailTemplateName]: (props: TMailProps[K]) => string } = {
  'sign-in': (_props) => 'Your Muster sign-in link',
  'registration-confirmed': (props) =>
    props.reason === 'promoted'
      ? `A place opened up: you're booked for ${props.workshopTitle}, ${props.when}`
      : props.nominatedBy
        ? `${props.nominatedBy} registered you: ${props.workshopTitle}, ${props.when}`
        : `You're booked: ${props.workshopTitle}, ${props.when}`,
  'registration-waitlisted': (props) =>
    `You're on the waitlist (number ${props.position}): ${props.workshopTitle}`,
  'registration-cancelled': (props) =>
    props.by === 'declined' || props.by === 'expired'
      ? `Not approved: ${props.workshopTitle}, ${props.when}`
      : props.wasConfirmed
      ? `Cancelled: your place in ${props.workshopTitle}, ${props.when}`
      : `You're off the waitlist: ${props.workshopTitle}, ${props.when}`,
  'registration-manage-link': (props) => `Your registration for ${props.workshopTitle}`,
  'registration-confirm-place': (props) => `Confirm your place: ${props.workshopTitle}`,
  'session-reminder': (props) => `Reminder: ${props.workshopTitle}, ${props.when}`,
  'session-changed': (props) => `Changed: ${props.workshopTitle} is now ${props.when}`,
  'session-cancelled': (props) => `Cancelled: ${props.workshopTitle}, ${props.when}`,
  'session-announcement': (props) => `${props.workshopTitle}: ${props.subject}`,
  'partner-session-update': (props) =>
    props.kind === 'cancelled'
      ? `Cancelled: ${props.workshopTitle}, ${props.when} (joint with ${props.agencyName})`
      : `Changed: ${props.workshopTitle} is now ${props.when} (joint with ${props.agencyName})`,
  'co-facilitator-invite': (props) =>
    ({
      added: `You co-facilitate: ${props.workshopTitle}, ${props.when}`,
      changed: `Changed: ${props.workshopTitle} is now ${props.when} (you co-facilitate)`,
      cancelled: `Cancelled: ${props.workshopTitle}, ${props.when} (you were to co-facilitate)`,
      removed: `No longer co-facilitating: ${props.workshopTitle}, ${props.when}`,
    })[props.kind],
  'approval-requested': (props) => `Approve a place: ${props.officerName}, ${props.workshopTitle}`,
  'registration-pending': (props) => `Waiting for approval: ${props.workshopTitle}, ${props.when}`,
  'certificate-issued': (props) =>
    props.replacesCode ? `Your corrected certificate: ${props.workshopTitle}` : `Your certificate: ${props.workshopTitle}`,
};

const deliveryParts: Partial<Record<TMailTemplateName, readonly TDeliveryPartName[]>> = {
  'registration-confirmed': ['check-in-qr'],
  'certificate-issued': ['certificate-pdf'],
};

/**
 * Every email Muster sends, by the template name stored on its outbox row: the props it is
 * checked against when queued, its subject (computed when queued, so the outbox shows it, without
 * loading React), whether it carries the calendar invite in its props, and the parts built for it
 * at delivery.
 */
export const mailTemplates: {
  [K in TMailTemplateName]: { props: (typeof mailProps)[K]; subject: (props: TMailProps[K]) => string; invite: boolean; parts: readonly TDeliveryPartName[] };
} = Object.fromEntries(
  (Object.keys(mailProps) as TMailTemplateName[]).map((name) => [
    name,
    { props: mailProps[name], subject: subjects[name], invite: 'invite' in mailProps[name].shape, parts: deliveryParts[name] ?? [] },
  ]),
) as never;
