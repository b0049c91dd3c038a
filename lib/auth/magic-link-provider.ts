import 'server-only';
import type { EmailConfig } from 'next-auth/providers/email';
import { getDb } from '@/db';
import { getEnv } from '@/lib/config/env';
import { enqueueMail } from '@/lib/mail/enqueue';

export const MAGIC_LINK_MAX_AGE_SECONDS = 30 * 60;

/**
 * The emailed link opens a confirmation page rather than Auth.js's callback directly: mail
 * scanners (Safe Links and the like) fetch every link in a message, which would spend a
 * single-use token before the officer clicks it. The page's button performs the real sign-in.
 */
export function confirmationLink(callbackUrl: string): string {
  const callback = new URL(callbackUrl);
  const link = new URL('/signin/confirm', getEnv().APP_URL);
  for (const name of ['token', 'email', 'callbackUrl']) {
    const value = callback.searchParams.get(name);
    if (value) link.searchParams.set(name, value);
  }
  return link.toString();
}

export const magicLinkProvider: EmailConfig = {
  id: 'email',
  type: 'email',
  name: 'Email',
  maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  async sendVerificationRequest({ identifier, url }) {
    const db = await getDb();
    await db.transaction(async (tx) => {
      await enqueueMail(tx, {
        to: identifier,
        template: 'sign-in',
        props: { url: confirmationLink(url), email: identifier, expiresInMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60 },
      });
    });
  },
  options: {},
};
