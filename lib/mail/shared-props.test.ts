import { describe, expect, it } from 'vitest';
import { splitSharedProps } from './shared-props';

describe('splitSharedProps', () => {
  const invite = { uid: 'u@muster', sequence: 1 };
  const rows = [
    { id: 'a', props: { name: 'Zoë', invite, reason: 'registered' } },
    { id: 'b', props: { name: 'Zoë', invite, leadTime: 'tomorrow' } },
    { id: 'c', props: { name: 'Zoë', invite: { ...invite }, leadTime: 'in 7 days' } },
  ];

  it('sends what every row holds once, and each row only its own', () => {
    const split = splitSharedProps(rows);
    expect(split.shared).toEqual({ name: 'Zoë' });
    expect(split.rows.map((row) => row.props)).toEqual([
      { invite, reason: 'registered' },
      { invite, leadTime: 'tomorrow' },
      { invite: { ...invite }, leadTime: 'in 7 days' },
    ]);
  });

  it('merges back to every row as it was', () => {
    const split = splitSharedProps(rows.slice(0, 2));
    expect(split.shared).toEqual({ name: 'Zoë', invite });
    expect(split.rows.map((row) => ({ id: row.id, props: { ...split.shared, ...row.props } }))).toEqual(rows.slice(0, 2));
  });

  it('keeps a key that only some rows have with those rows', () => {
    const split = splitSharedProps([{ props: { a: 1, b: 2 } }, { props: { a: 1 } }]);
    expect(split).toEqual({ shared: { a: 1 }, rows: [{ props: { b: 2 } }, { props: {} }] });
  });

  it('answers nothing shared for no rows', () => {
    expect(splitSharedProps([])).toEqual({ shared: {}, rows: [] });
  });
});
