import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from './auth-secret';

let cached: { secret: string } | undefined;

function secret(): string {
  cached ??= { secret: getAuthSecret() };
  return cached.secret;
}

/**
 * An unguessable token derived from a record's id with the app's secret: nothing secret is
 * stored, and the same link can be put in every email about that record. `purpose` keeps the
 * tokens of different kinds of link apart.
 */
export function keyedToken(purpose: string, value: string): string {
  return createHmac('sha256', secret()).update(`${purpose}\u0000${value}`, 'utf8').digest('base64url');
}

export function keyedTokenMatches(purpose: string, value: string, token: string): boolean {
  const expected = Buffer.from(keyedToken(purpose, value));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
