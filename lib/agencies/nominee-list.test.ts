import { describe, expect, it } from 'vitest';
import { cleanNominees, MAX_NOMINEES, parseNomineeList } from './nominee-list';

describe('a pasted list of officers', () => {
  it('reads name, email and badge in the order given, from commas, semicolons or a spreadsheet’s tabs, skipping a header', () => {
    const lines = parseNomineeList(
      'Name,Email,Badge\nAna Łukasz, ana.lukasz@springfieldpd.gov, 4471\nnguyen.van@springfieldpd.gov; Nguyễn Văn\n"Sam Ortiz"\t"SAM.ORTIZ@springfieldpd.gov"\t882\n\n',
    );
    expect(lines.map((l) => [l.line, l.nominee, l.problem])).toEqual([
      [2, { name: 'Ana Łukasz', email: 'ana.lukasz@springfieldpd.gov', badgeNumber: '4471' }, undefined],
      [3, { name: 'Nguyễn Văn', email: 'nguyen.van@springfieldpd.gov', badgeNumber: '' }, undefined],
      [4, { name: 'Sam Ortiz', email: 'sam.ortiz@springfieldpd.gov', badgeNumber: '882' }, undefined],
    ]);
    expect(cleanNominees(lines)).toHaveLength(3);
  });

  it('flags every bad line with what to fix, and then gives no officers at all', () => {
    const lines = parseNomineeList('Ana Ruiz, ana@springfieldpd.gov\nBen Cho\nchris@, Chris Day\n, dana@springfieldpd.gov\nAna R, ANA@springfieldpd.gov\na@x.gov b@x.gov, Two');
    expect(lines.map((l) => [l.line, l.problem])).toEqual([
      [1, undefined],
      [2, 'No email address on this line.'],
      [3, 'Enter a valid email address.'],
      [4, 'No name on this line.'],
      [5, 'ana@springfieldpd.gov is on line 1 already.'],
      [6, 'Enter a valid email address.'],
    ]);
    expect(cleanNominees(lines)).toBeUndefined();
    expect(cleanNominees(parseNomineeList('\n \n'))).toBeUndefined();
  });

  it('refuses a list longer than one step registers', () => {
    const text = Array.from({ length: MAX_NOMINEES + 1 }, (_, i) => `Officer ${i}, officer${i}@springfieldpd.gov`).join('\n');
    expect(parseNomineeList(text)).toEqual([
      { line: MAX_NOMINEES + 1, text: `Officer ${MAX_NOMINEES}, officer${MAX_NOMINEES}@springfieldpd.gov`, problem: `At most ${MAX_NOMINEES} officers in one list; split it in two.` },
    ]);
  });
});
