import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from './auth-secret';
import { getEnv } from './env';
import { keptSecret } from './kept-secret';

/** A key that signs links, and the version a link names to say which key signed it. */
export type TLinkKey = { version: string; secret: string };

export type TLinkKeyring = {
  /** Newest first: the first signs, every one verifies. */
  keys: TLinkKey[];
  /** The secret that signed links before they carried a key version, while it is still accepted. */
  unversioned?: string;
};

/** Five base64url characters of the key's hash: names the key in a link without revealing it. */
export function keyVersion(secret: string): string {
  return createHash('sha256').update(`muster link key\u0000${secret}`, 'utf8').digest('base64url').slice(0, 5);
}

export function keyringOf(secrets: string[], unversioned?: string): TLinkKeyring {
  return { keys: secrets.map((secret) => ({ version: keyVersion(secret), secret })), unversioned };
}

/**
 * The keyring for a configuration: LINK_KEYS (newest first) when set, else the local key. Links
 * from before keys had versions were signed with AUTH_SECRET: they keep working while it is
 * listed in LINK_KEYS (or LINK_KEYS is unset), and dropping it from the list revokes them.
 */
export function keyringFromConfig(config: { linkKeys: string[]; authSecret: string; localKey: () => string }): TLinkKeyring {
  if (config.linkKeys.length === 0) return keyringOf([config.localKey()], config.authSecret);
  return keyringOf(config.linkKeys, config.linkKeys.includes(config.authSecret) ? config.authSecret : undefined);
}

let cached: TLinkKeyring | undefined;

/** This process's keyring (see keyringFromConfig); AUTH_SECRET never signs a new link. */
export function linkKeyring(): TLinkKeyring {
  if (cached) return cached;
  const env = getEnv();
  cached = keyringFromConfig({ linkKeys: env.LINK_KEYS, authSecret: getAuthSecret(), localKey: () => keptSecret(env.DATA_DIR, 'link-key') });
  return cached;
}

function mac(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\u0000${value}`, 'utf8').digest('base64url');
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A link's signature over a record's value, `{version}.{mac}`, with the newest key: nothing secret
 * is stored, the same link can go in every email about the record, and `purpose` keeps the
 * signatures of different kinds of link apart.
 */
export function signLink(purpose: string, value: string, keyring: TLinkKeyring = linkKeyring()): string {
  const newest = keyring.keys[0]!;
  return `${newest.version}.${mac(newest.secret, purpose, value)}`;
}

/** Whether a signature was made by a key still in the ring (or by the still-accepted unversioned secret). */
export function linkSignatureMatches(purpose: string, value: string, signature: string, keyring: TLinkKeyring = linkKeyring()): boolean {
  const dot = signature.indexOf('.');
  if (dot < 0) return keyring.unversioned !== undefined && same(mac(keyring.unversioned, purpose, value), signature);
  const version = signature.slice(0, dot);
  const key = keyring.keys.find((candidate) => candidate.version === version);
  return key !== undefined && same(mac(key.secret, purpose, value), signature.slice(dot + 1));
}
