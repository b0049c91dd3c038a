import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions } from '@/db/schema';
import { linkKeyring, linkSignatureMatches, signLink } from '@/lib/config/link-keys';
import { isUuid } from '@/lib/workshops/workshops';

const PURPOSE = 'registration-manage';
/** A manage link works until this long after its session ends; then it offers nothing personal. */
export const MANAGE_LINK_LIFETIME_AFTER_END_MS = 30 * 24 * 3_600_000;
const MAX_TOKEN_LENGTH = 200;

/** A UUID in 22 characters, so the link stays short enough to survive mail clients. */
function compactId(id: string): string {
  return Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url');
}

function expandId(compact: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{22}$/.test(compact)) return undefined;
  const hex = Buffer.from(compact, 'base64url').toString('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return isUuid(id) && compactId(id) === compact ? id : undefined;
}

/**
 * The token in a person's "manage my registration" link: the registration id and a signature of
 * it with the newest link key, so every email about the registration carries the same working
 * link, a key can be rotated (see link-keys), and nothing secret is stored. The stored hash
 * finds registrations by the links sent before links named their id.
 */
export function manageTokenFor(registrationId: string): { token: string; hash: string } {
  const token = `${compactId(registrationId)}.${signLink(PURPOSE, registrationId)}`;
  return { token, hash: hashManageToken(token) };
}

/** SHA-256 (hex) of a link token: what is stored in its place, for manage, confirm and approval links alike. */
export function hashManageToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A random single-use link token (a held place's confirmation, an approver's decision) and its stored hash. */
export function newSingleUseToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashManageToken(token) };
}

/** Which registration a token is for, if Muster made it with a key it still accepts. */
async function registrationIdOf(db: Db, token: string): Promise<string | undefined> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return undefined;
  const dot = token.indexOf('.');
  if (dot >= 0) {
    const id = expandId(token.slice(0, dot));
    return id && linkSignatureMatches(PURPOSE, id, token.slice(dot + 1)) ? id : undefined;
  }
  // A link from before links named their id: found by its hash, valid while its secret is accepted.
  if (linkKeyring().unversioned === undefined) return undefined;
  const [row] = await db.select({ id: registrations.id }).from(registrations).where(eq(registrations.manageTokenHash, hashManageToken(token)));
  return row && linkSignatureMatches(PURPOSE, row.id, token) ? row.id : undefined;
}

export type TManageLink = { kind: 'valid'; registrationId: string } | { kind: 'expired' } | { kind: 'unknown' };

/**
 * What a manage link opens: its registration, or `expired` once its session ended more than
 * 30 days ago (the page then says so and shows no one's details), or `unknown`.
 */
export async function openManageLink(db: Db, token: string, now = new Date()): Promise<TManageLink> {
  const id = await registrationIdOf(db, token);
  if (!id) return { kind: 'unknown' };
  const [row] = await db
    .select({ endsAt: trainingSessions.endsAt })
    .from(registrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, registrations.sessionId))
    .where(eq(registrations.id, id));
  if (!row) return { kind: 'unknown' };
  if (manageLinkExpired(row.endsAt, now)) return { kind: 'expired' };
  return { kind: 'valid', registrationId: id };
}

export function manageLinkExpired(sessionEndsAt: Date, now = new Date()): boolean {
  return now.getTime() > sessionEndsAt.getTime() + MANAGE_LINK_LIFETIME_AFTER_END_MS;
}
