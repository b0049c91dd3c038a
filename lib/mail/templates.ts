import type { RegistrationConfirmedEmailProps } from '@/emails/registration-confirmed';
import type { RegistrationWaitlistedEmailProps } from '@/emails/registration-waitlisted';
import type { SignInEmailProps } from '@/emails/sign-in';

/**
 * Subjects are computed when a message is queued (so the outbox shows them) without loading
 * React; the body is rendered from the same props when the message is delivered.
 */
export const mailSubjects = {
  'sign-in': (_props: SignInEmailProps) => 'Your Muster sign-in link',
  'registration-confirmed': (props: RegistrationConfirmedEmailProps) => `You're booked: ${props.workshopTitle}, ${props.when}`,
  'registration-waitlisted': (props: RegistrationWaitlistedEmailProps) =>
    `You're on the waitlist (number ${props.position}): ${props.workshopTitle}`,
};

export type TMailTemplates = { [K in keyof typeof mailSubjects]: Parameters<(typeof mailSubjects)[K]>[0] };
export type TMailTemplateName = keyof TMailTemplates;
