import { describe, expect, it } from 'vitest';
import { keyringFromConfig, keyringOf, keyVersion, linkSignatureMatches, signLink } from './link-keys';
import { createHmac } from 'node:crypto';

const OLD = 'old-link-key-0123456789abcdefghijklmnop';
const NEW = 'new-link-key-0123456789abcdefghijklmnop';
const AUTH = 'auth-secret-0123456789abcdefghijklmnop';
const ID = '3f0c2a4e-9d1b-4c6a-8e2f-5a7b9c1d3e5f';

/** A link as Muster signed it before links named their key: a bare HMAC with AUTH_SECRET. */
const unversionedLink = (secret: string, purpose: string, value: string) =>
  createHmac('sha256', secret).update(`${purpose}\u0000${value}`, 'utf8').digest('base64url');

describe('link keys', () => {
  it('signs with the newest key and names it, so the key can be found again', () => {
    const signature = signLink('registration-manage', ID, keyringOf([NEW, OLD]));
    expect(signature).toMatch(new RegExp(`^${keyVersion(NEW)}\\.[A-Za-z0-9_-]{43}$`));
    expect(keyVersion(NEW)).not.toBe(keyVersion(OLD));
  });

  it('keeps links signed with an older listed key working, and a dropped key revokes them', () => {
    const signedBefore = signLink('registration-manage', ID, keyringOf([OLD]));
    expect(linkSignatureMatches('registration-manage', ID, signedBefore, keyringOf([NEW, OLD]))).toBe(true);
    expect(linkSignatureMatches('registration-manage', ID, signedBefore, keyringOf([NEW]))).toBe(false);
  });

  it('refuses a signature for another record, another kind of link, or one that was altered', () => {
    const ring = keyringOf([NEW]);
    const signature = signLink('registration-manage', ID, ring);
    expect(linkSignatureMatches('registration-manage', ID.replace('3f', '4f'), signature, ring)).toBe(false);
    expect(linkSignatureMatches('check-in', ID, signature, ring)).toBe(false);
    expect(linkSignatureMatches('registration-manage', ID, `${signature.slice(0, -1)}A`, ring)).toBe(false);
    expect(linkSignatureMatches('registration-manage', ID, `zzzzz.${signature.split('.')[1]}`, ring)).toBe(false);
    expect(linkSignatureMatches('registration-manage', ID, '', ring)).toBe(false);
  });

  it('accepts links from before key versions only while AUTH_SECRET is still accepted', () => {
    const legacy = unversionedLink(AUTH, 'registration-manage', ID);
    const local = () => 'local-key-0123456789abcdefghijklmnopqr';
    // Unset LINK_KEYS (an upgrade that changed nothing): old links work, new ones use the local key.
    const unset = keyringFromConfig({ linkKeys: [], authSecret: AUTH, localKey: local });
    expect(linkSignatureMatches('registration-manage', ID, legacy, unset)).toBe(true);
    expect(signLink('registration-manage', ID, unset).startsWith(`${keyVersion(local())}.`)).toBe(true);
    // Listed: still accepted. Dropped from the list: revoked.
    expect(linkSignatureMatches('registration-manage', ID, legacy, keyringFromConfig({ linkKeys: [NEW, AUTH], authSecret: AUTH, localKey: local }))).toBe(true);
    expect(linkSignatureMatches('registration-manage', ID, legacy, keyringFromConfig({ linkKeys: [NEW], authSecret: AUTH, localKey: local }))).toBe(false);
  });
});
