import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { isDataException, isUniqueViolation } from './database-fault';
import { describeError, redactText } from './describe-error';

// Shaped as the drivers throw them: postgres.js names fields *_name, PGlite does not; drizzle wraps both.
const postgresJsError = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
  severity: 'ERROR',
  code: '23505',
  constraint_name: 'x',
  table_name: 'registrations',
  detail: 'Key (session_id, email)=(1, ana@example.org) already exists.',
});
const drizzleWrapped = (cause: Error) =>
  new Error('Failed query: insert into "registrations" ("email") values ($1)\nparams: ana@example.org', { cause });

describe('database faults', () => {
  it('finds the SQLSTATE on the error or its cause, and checks the index when named', () => {
    expect(isUniqueViolation(postgresJsError, 'x')).toBe(true);
    expect(isUniqueViolation(drizzleWrapped(postgresJsError), 'x')).toBe(true);
    expect(isUniqueViolation(drizzleWrapped(postgresJsError), 'y')).toBe(false);
    const pglite = Object.assign(new Error('…'), { severity: 'ERROR', code: '23505', constraint: 'y' });
    expect(isUniqueViolation(drizzleWrapped(pglite), 'y')).toBe(true);
    expect(isDataException(drizzleWrapped(Object.assign(new Error('…'), { severity: 'ERROR', code: '22008' })))).toBe(true);
  });

  it('does not take a Node error code for a database one', () => {
    expect(isUniqueViolation(Object.assign(new Error('socket'), { code: '23505' }))).toBe(false);
    expect(isDataException(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(false);
  });
});

describe('describeError', () => {
  it('describes a failed query by SQLSTATE, constraint and table, without message, detail or params', () => {
    const text = describeError(drizzleWrapped(postgresJsError));
    expect(text).toMatch(/^database error 23505, constraint x, table registrations\n\s+at /);
    expect(text).not.toContain('ana@example.org');
    expect(text).not.toContain('Failed query');
  });

  it('describes an AppError by its code: its message may quote what was typed', () => {
    const text = describeError(new AppError('slug_taken', 'The URL slug "ana-rivera" is taken.', 422));
    expect(text).toMatch(/^AppError slug_taken \(422\)/);
    expect(text).not.toContain('ana-rivera');
  });

  it('keeps other errors readable with addresses and tokens removed', () => {
    const smtp = Object.assign(new Error('Message failed: 550 5.1.1 <ana@example.org>: rejected'), { code: 'EMESSAGE', responseCode: 550 });
    expect(describeError(smtp).split('\n')[0]).toBe('Error EMESSAGE SMTP 550: Message failed: 550 5.1.1 <[email]>: rejected');
    expect(describeError(new Error('no such link /registrations/manage/3q2-7Hh_kf9dL0pQ4rXvWz8sNm1A'))).toContain('/registrations/manage/[token]');
    expect(describeError('plain text thrown')).toBe('non-error thrown (string)');
  });

  it('redacts addresses in any text', () => {
    expect(redactText('to first.last+tag@sub.agency.gov, cc x@y.io')).toBe('to [email], cc [email]');
  });
});
