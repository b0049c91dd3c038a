import { describe, expect, it } from 'vitest';
import { ZRegistrationInput } from './schemas';
import { hashManageToken, manageTokenMatches } from './tokens';

describe('ZRegistrationInput', () => {
  it('trims and lower-cases the email and drops fields a person may not set', () => {
    const parsed = ZRegistrationInput.parse({ name: ' Alex ', email: '  Alex.Rivera@Example.ORG ', status: 'confirmed' });
    expect(parsed).toEqual({ name: 'Alex', email: 'alex.rivera@example.org', agency: '', badgeNumber: '', role: '', accessNeeds: '' });
  });

  it('needs a name and a real email', () => {
    const result = ZRegistrationInput.safeParse({ name: '  ', email: 'not-an-email' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['email', 'name']);
  });
});

describe('manage tokens', () => {
  it('match only their own hash', () => {
    const hash = hashManageToken('abc');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(manageTokenMatches('abc', hash)).toBe(true);
    expect(manageTokenMatches('abd', hash)).toBe(false);
  });
});
