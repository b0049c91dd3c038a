import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An unguessable token for the person's "manage my registration" link, and what is stored of it. */
export function createManageToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
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
