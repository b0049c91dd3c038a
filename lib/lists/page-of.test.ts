import { describe, expect, it } from 'vitest';
import { pageOf, pageParamsOf } from './page-of';

const people = Array.from({ length: 250 }, (_, i) => `person ${i + 1}`);

describe('pageOf', () => {
  it('shows the first hundred, then the next, and the rest on the last page', () => {
    expect(pageOf(people, undefined)).toMatchObject({ page: 1, pages: 3, first: 1, last: 100, total: 250 });
    expect(pageOf(people, '2').items[0]).toBe('person 101');
    expect(pageOf(people, '3')).toMatchObject({ page: 3, first: 201, last: 250 });
    expect(pageOf(people, '3').items).toHaveLength(50);
  });

  it('reads a page past the end as the last page, and anything not a number as the first', () => {
    expect(pageOf(people, '9').page).toBe(3);
    for (const odd of ['0', '-1', 'two', '1.5', ['2'], '9999999']) expect(pageOf(people, odd).page, String(odd)).toBe(1);
  });

  it('has one empty page for an empty list', () => {
    expect(pageOf([], '4')).toEqual({ items: [], page: 1, pages: 1, first: 0, last: 0, total: 0 });
  });

  it('keeps in the URL only the sections past their first page', () => {
    expect(pageParamsOf({ confirmed: pageOf(people, '2'), waitlist: pageOf(people, '1'), cancelled: pageOf([], '3') })).toEqual({ confirmed: '2' });
  });
});
