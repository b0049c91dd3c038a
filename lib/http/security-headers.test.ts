import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('names what a scanner expects on every response', () => {
    expect(securityHeaders('http://localhost:3000')).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(securityHeaders('http://localhost:3000')['permissions-policy']).toContain('camera=(self)');
  });

  it('asks for HTTPS only when Muster is served over it', () => {
    expect(securityHeaders('http://localhost:3000')['strict-transport-security']).toBeUndefined();
    expect(securityHeaders('https://muster.example.org')['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
  });
});
