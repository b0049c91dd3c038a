import type { ComponentType } from 'react';
import type { TMailTemplateName } from '@/lib/mail/templates';
import SignInEmail from './sign-in';

/** Every email Muster sends, by the template name stored on its outbox row. */
export const emailComponents: { [K in TMailTemplateName]: ComponentType<never> } = {
  'sign-in': SignInEmail,
};
