import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { statement, statementParams, statementSql } from './static-statement';

const FRAGMENT = statement<'key' | 'now'>`select ${'key'}::text as key, ${'now'}::timestamptz as at`;
const WHOLE = statement<'key' | 'now' | 'limit'>`with f as (${FRAGMENT}) select * from f where at <= ${'now'}::timestamptz limit ${'limit'}::int`;

describe('statement', () => {
  it('numbers each name once, in the order names first appear', () => {
    const s = statement<'a' | 'b'>`select ${'a'}::int + ${'b'}::int + ${'a'}::int`;
    expect(s.text).toBe('select $1::int + $2::int + $1::int');
    expect(s.names).toEqual(['a', 'b']);
  });

  it('splices a fragment in, sharing its names with the rest of the statement', () => {
    expect(WHOLE.text).toBe('with f as (select $1::text as key, $2::timestamptz as at) select * from f where at <= $2::timestamptz limit $3::int');
    expect(statementParams(WHOLE, { limit: 5, now: '2026-11-24T10:00:00.000Z', key: 'k' })).toEqual(['k', '2026-11-24T10:00:00.000Z', 5]);
  });

  it('takes null as a value but refuses a missing one', () => {
    expect(statementParams(FRAGMENT, { key: null, now: 'x' })).toEqual([null, 'x']);
    expect(() => statementParams(FRAGMENT, { key: 'k' } as never)).toThrow('No value for the statement parameter "now".');
  });

  it('renders as drizzle SQL to the same statement, each occurrence of a name bound to its value', () => {
    const query = new PgDialect().sqlToQuery(statementSql(WHOLE, { key: 'k', now: 'n', limit: 2 }));
    expect(query.sql).toBe('with f as (select $1::text as key, $2::timestamptz as at) select * from f where at <= $3::timestamptz limit $4::int');
    expect(query.params).toEqual(['k', 'n', 'n', 2]);
  });
});
