import { describe, expect, it } from 'vitest';
import { AppError, fieldError, RateLimitedError } from './app-error';
import { toFormState, toResponse } from './answers';

function capture() {
  const lines: string[] = [];
  return { log: { error: (text: string) => void lines.push(text), warn: (text: string) => void lines.push(text) }, lines };
}

const dataException = () =>
  new Error('Failed query: update "sessions" set "starts_at" = $1\nparams: +275760-09-13', {
    cause: Object.assign(new Error('date/time field value out of range: "+275760-09-13"'), { severity: 'ERROR', code: '22008' }),
  });

describe('toResponse', () => {
  it('answers an AppError with its status, code, fields and headers', async () => {
    const response = toResponse(new RateLimitedError('Too many registrations from your network. Try again in a minute.', 41_200));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
    expect(await response.json()).toEqual({ error: { code: 'rate_limited', message: 'Too many registrations from your network. Try again in a minute.' } });

    const invalid = toResponse(fieldError('email', 'Enter a valid email address.'));
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({
      error: { code: 'validation_failed', message: 'Enter a valid email address.', fields: { email: 'Enter a valid email address.' } },
    });
  });

  it('asks for a bearer token on a 401', () => {
    const response = toResponse(new AppError('unauthorized', 'Sign in, or send a valid API token.', 401));
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers a value PostgreSQL refuses as a 422, logged without the value', async () => {
    const { log, lines } = capture();
    const response = toResponse(dataException(), log);
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe('validation_failed');
    expect(lines.join('\n')).toContain('22008');
    expect(lines.join('\n')).not.toContain('275760');
  });

  it('answers a fault with a 500 that reveals nothing, and logs it', async () => {
    const { log, lines } = capture();
    const response = toResponse(new TypeError('Cannot read properties of undefined (reading "email") for ana@example.org'), log);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('TypeError');
    expect(lines[0]).not.toContain('ana@example.org');
  });
});

describe('toFormState', () => {
  it('puts messages beside the fields and keeps what was typed', () => {
    const form = new FormData();
    form.set('email', 'not an address');
    form.set('$ACTION_ID_abc', '');
    expect(toFormState(fieldError('email', 'Enter a valid email address.'), form)).toEqual({
      error: 'Enter a valid email address.',
      fields: { email: 'Enter a valid email address.' },
      values: { email: 'not an address' },
    });
  });

  it('turns a value PostgreSQL refuses into a message, and rethrows a fault', () => {
    expect(toFormState(dataException()).error).toBe('A value cannot be stored: check dates and text.');
    const fault = new Error('connection lost');
    expect(() => toFormState(fault)).toThrow(fault);
  });
});
