import { describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER, DIRECT_LOCAL_HEADER, stampFor } from './client-ip';
import { parseTrustProxy } from './forwarded-for';

describe('stampFor', () => {
  const none = parseTrustProxy('0');

  it('marks a loopback request with no proxy header as direct and local', () => {
    expect(stampFor('127.0.0.1', {}, none)).toEqual({ [CLIENT_IP_HEADER]: '127.0.0.1', [DIRECT_LOCAL_HEADER]: '1' });
    expect(stampFor('::1', {}, none)[DIRECT_LOCAL_HEADER]).toBe('1');
  });

  it.each(['forwarded', 'x-forwarded-for', 'x-real-ip'])('a loopback request carrying %s came through a proxy', (name) => {
    expect(stampFor('127.0.0.1', { [name]: '203.0.113.7' }, none)[DIRECT_LOCAL_HEADER]).toBe('0');
    expect(stampFor('127.0.0.1', { [name]: '127.0.0.1' }, parseTrustProxy('1'))[DIRECT_LOCAL_HEADER]).toBe('0');
  });

  it('a remote peer is never local, and a forged stamp is overwritten', () => {
    const stamp = stampFor('198.51.100.9', { [DIRECT_LOCAL_HEADER]: '1', [CLIENT_IP_HEADER]: '127.0.0.1' }, none);
    expect(stamp).toEqual({ [CLIENT_IP_HEADER]: '198.51.100.9', [DIRECT_LOCAL_HEADER]: '0' });
  });
});
