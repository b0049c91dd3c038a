import { describe, expect, it } from 'vitest';
import { ZRegistrationInput } from './schemas';

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
