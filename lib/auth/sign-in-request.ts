import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db';
import { getEnv } from '@/lib/config/env';
import { describeWait, hitRateLimit } from '@/lib/rate-limit/rate-limit';

export const ZSignInRequest = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address.')
    .pipe(z.email('Enter a complete email address, like name@agency.gov.'))
    .transform((email) => email.toLowerCase()),
  callbackUrl: z.string().optional(),
});

const WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_LIMIT_PER_ADDRESS = 5;

export type TSignInAllowance = { allowed: true } | { allowed: false; message: string };

/** Counts a sign-in email against the per-address and per-client limits. */
export async function allowSignInEmail(db: Db, email: string, ip: string): Promise<TSignInAllowance> {
  const [byAddress, byIp] = await Promise.all([
    hitRateLimit(db, `sign-in:email:${email}`, { limit: SIGN_IN_LIMIT_PER_ADDRESS, windowMs: WINDOW_MS }),
    hitRateLimit(db, `sign-in:ip:${ip}`, { limit: getEnv().SIGN_IN_LIMIT_PER_IP, windowMs: WINDOW_MS }),
  ]);
  if (!byAddress.allowed) {
    return {
      allowed: false,
      message: `Too many sign-in links were sent to this address. Use the newest link in your inbox, or try again in ${describeWait(byAddress.retryAfterMs)}.`,
    };
  }
  if (!byIp.allowed) {
    return {
      allowed: false,
      message: `Too many sign-in requests came from your network. Try again in ${describeWait(byIp.retryAfterMs)}.`,
    };
  }
  return { allowed: true };
}

/** Only paths on this site: anything else would make the sign-in link an open redirect. */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
