import 'server-only';
import { getEnv } from '@/lib/config/env';
import { linkSignatureMatches, signLink } from '@/lib/config/link-keys';
import { isUuid } from '@/lib/workshops/workshops';

const PURPOSE = 'check-in';

/**
 * The token in a registration's check-in QR code: the id, so the registration is found without
 * a stored secret, and its signature with a link key, so nobody can make a code for someone
 * else's place.
 */
export function checkInTokenFor(registrationId: string): string {
  return `${registrationId}.${signLink(PURPOSE, registrationId)}`;
}

/** The registration a check-in token is for, or undefined when the token was not made by Muster. */
export function registrationIdFromCheckInToken(token: string): string | undefined {
  const dot = token.indexOf('.');
  if (dot < 0) return undefined;
  const id = token.slice(0, dot).toLowerCase();
  const mac = token.slice(dot + 1);
  if (!isUuid(id) || mac.length === 0 || mac.length > 100) return undefined;
  return linkSignatureMatches(PURPOSE, id, mac) ? id : undefined;
}

/** The absolute check-in link the QR code in the confirmation email carries. */
export function checkInUrlFor(registrationId: string): string {
  const base = getEnv().APP_URL.replace(/\/+$/, '');
  return `${base}/check-in/${encodeURIComponent(checkInTokenFor(registrationId))}`;
}
