import type { ComponentType } from 'react';
import type { TMailTemplateName } from '@/lib/mail/templates';
import RegistrationConfirmedEmail from './registration-confirmed';
import RegistrationWaitlistedEmail from './registration-waitlisted';
import SignInEmail from './sign-in';

/** Every email Muster sends, by the template name stored on its outbox row. */
export const emailComponents: { [K in TMailTemplateName]: ComponentType<never> } = {
  'sign-in': SignInEmail,
  'registration-confirmed': RegistrationConfirmedEmail,
  'registration-waitlisted': RegistrationWaitlistedEmail,
};
