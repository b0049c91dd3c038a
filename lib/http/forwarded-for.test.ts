import { describe, expect, it } from 'vitest';
import { clientAddress, normaliseAddress, parseTrustProxy } from './forwarded-for';

const none = parseTrustProxy('0');
const one = parseTrustProxy('1');
const two = parseTrustProxy('2');

describe('normaliseAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['  203.0.113.7  ', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['2001:DB8::1', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::1', '::1'],
  ])('reads %j as %j', (entry, address) => {
    expect(normaliseAddress(entry)).toBe(address);
  });

  it.each(['', 'unknown', '_hidden', '999.1.1.1', '1.2.3', 'evil.example', '<script>', '1.2.3.4:port', '[::1', '1.2.3.4 5.6.7.8'])(
    'refuses %j',
    (entry) => {
      expect(normaliseAddress(entry)).toBeUndefined();
    },
  );
});

describe('clientAddress', () => {
  it('is the TCP peer when no proxy is trusted, whatever the header says', () => {
    expect(clientAddress('198.51.100.9', '1.1.1.1', none)).toBe('198.51.100.9');
    expect(clientAddress('::ffff:127.0.0.1', '1.1.1.1', none)).toBe('127.0.0.1');
  });

  it('behind one proxy takes the entry it appended, not what the client wrote to the left', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7', one)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.7', one)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', ['6.6.6.6, 7.7.7.7', '203.0.113.7'], one)).toBe('203.0.113.7');
  });

  it('behind two proxies skips two hops from the right', () => {
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.1', two)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.2', '[2001:db8::7]:5000, 10.0.0.1', two)).toBe('2001:db8::7');
  });

  it('with fewer entries than hops gives the farthest address there is', () => {
    expect(clientAddress('10.0.0.2', '203.0.113.7', two)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', undefined, one)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '', one)).toBe('127.0.0.1');
  });

  it('stops at a garbage entry, answering with the hop that wrote it', () => {
    expect(clientAddress('127.0.0.1', 'unknown', one)).toBe('127.0.0.1');
    expect(clientAddress('10.0.0.2', '203.0.113.7, garbage', two)).toBe('10.0.0.2');
  });

  it('with a list of proxies walks left only while the hop is one of them', () => {
    const trust = parseTrustProxy('10.0.0.0/8, 2001:db8:ffff::/48, 127.0.0.1');
    expect(clientAddress('10.1.2.3', '6.6.6.6, 203.0.113.7, 10.9.9.9', trust)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', '203.0.113.7', trust)).toBe('203.0.113.7');
    expect(clientAddress('2001:db8:ffff::1', '[2001:db8::7]:80', trust)).toBe('2001:db8::7');
    // A peer outside the list is the client itself: its header is its own writing.
    expect(clientAddress('198.51.100.9', '203.0.113.7', trust)).toBe('198.51.100.9');
    // Every hop trusted: the farthest one.
    expect(clientAddress('10.1.2.3', '10.4.4.4', trust)).toBe('10.4.4.4');
  });

  it('rotating the leftmost entry never changes the answer', () => {
    const answers = new Set(Array.from({ length: 50 }, (_, i) => clientAddress('127.0.0.1', `192.0.2.${i}, 203.0.113.7`, one)));
    expect([...answers]).toEqual(['203.0.113.7']);
  });

  it('is "unknown" without a peer address', () => {
    expect(clientAddress(undefined, '203.0.113.7', none)).toBe('unknown');
  });
});

describe('parseTrustProxy', () => {
  it.each(['yes', '10.0.0.0/8/1', '10.0.0.0/x', '::1/129', '33', '1,,2'])('refuses %j', (value) => {
    expect(() => parseTrustProxy(value)).toThrow();
  });
});
