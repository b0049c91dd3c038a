import { describe, expect, it } from 'vitest';
import { safeCallbackPath, ZSignInRequest } from './sign-in-request';

describe('ZSignInRequest', () => {
  it('accepts and lower-cases a valid address', () => {
    expect(ZSignInRequest.parse({ email: '  Officer.Ana@Example.ORG ' }).email).toBe('officer.ana@example.org');
  });

  it.each(['', 'ana', 'ana@', '@example.org', 'ana@@example.org', 'ana example@org'])('refuses %j', (email) => {
    const result = ZSignInRequest.safeParse({ email });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['email']);
  });
});

describe('safeCallbackPath', () => {
  it.each([
    ['/trainer', '/trainer'],
    ['/sessions/1?x=1', '/sessions/1?x=1'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    [undefined, '/'],
  ])('%s -> %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
