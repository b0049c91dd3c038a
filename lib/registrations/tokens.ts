import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { keyedToken } from '@/lib/config/keyed-token';

/**
 * The token in a person's "manage my registration" link. It is derived from the registration id,
 * so every email about the registration (confirmation, promotion, reminders, "send me my link")
 * carries the same working link; the database keeps only its SHA-256, to find the registration.
 */
export function manageTokenFor(registrationId: string): { token: string; hash: string } {
  const token = keyedToken('registration-manage', registrationId);
  return { token, hash: hashManageToken(token) };
}

export function hashManageToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function manageTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashManageToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
