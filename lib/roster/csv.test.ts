import { describe, expect, it } from 'vitest';
import type { TRosterEntryDto } from '@/lib/registrations/queries';
import { csvCell, ROSTER_CSV_HEADER, rosterCsv, rosterCsvFilename, toCsv } from './csv';

/** A minimal RFC 4180 reader, so the tests check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('csvCell', () => {
  it('leaves plain text alone and writes null as empty', () => {
    expect(csvCell('Dana Ortiz')).toBe('Dana Ortiz');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Ortiz, Dana')).toBe('"Ortiz, Dana"');
    expect(csvCell('Dana "D" Ortiz')).toBe('"Dana ""D"" Ortiz"');
    expect(csvCell('wheelchair\nhearing loop')).toBe('"wheelchair\nhearing loop"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('a=1')).toBe('a=1');
  });
});

describe('toCsv', () => {
  it('starts with a byte-order mark and ends every row with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', null]])).toBe('\uFEFFa,b\r\nc,\r\n');
  });
});

const dana: TRosterEntryDto = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '=cmd|" /C calc"!A0',
  email: 'dana@example.org',
  agencyAsGiven: 'Springfield PD, Patrol',
  agencyId: null,
  claimedAgencyId: null,
  badgeNumber: '4471',
  role: 'Detective',
  accessNeeds: 'Step-free access\nHearing loop',
  status: 'waitlisted',
  waitlistPosition: 2,
  createdAt: '2026-03-01T10:00:00.000Z',
  confirmedAt: null,
  cancelledAt: null,
  awaitingEmailUntil: null, approvalExpiresAt: null,
};

describe('rosterCsv', () => {
  it('writes the header and one row per person that reads back cell for cell', () => {
    const rows = parseCsv(rosterCsv([dana, { ...dana, name: 'Sam Lee', status: 'confirmed', waitlistPosition: null, confirmedAt: '2026-03-02T09:00:00.000Z' }]).slice(1));
    expect(rows[0]).toEqual([...ROSTER_CSV_HEADER]);
    expect(rows[1]).toEqual([
      'waitlisted',
      '2',
      `'=cmd|" /C calc"!A0`,
      'dana@example.org',
      'Springfield PD, Patrol',
      '4471',
      'Detective',
      'Step-free access\nHearing loop',
      '2026-03-01T10:00:00.000Z',
      '',
      '',
    ]);
    expect(rows[2]?.slice(0, 3)).toEqual(['confirmed', '', 'Sam Lee']);
    expect(rows[2]?.[9]).toBe('2026-03-02T09:00:00.000Z');
    expect(rows).toHaveLength(3);
  });

  it('is just the header for an empty session', () => {
    expect(parseCsv(rosterCsv([]).slice(1))).toEqual([[...ROSTER_CSV_HEADER]]);
  });
});

describe('rosterCsvFilename', () => {
  it('names the workshop and the session’s local date', () => {
    // 03:00 UTC on the 4th is still the 3rd in Chicago.
    expect(rosterCsvFilename({ workshop: { slug: 'trauma-informed-interviewing' }, startsAt: '2026-03-04T03:00:00.000Z', timeZone: 'America/Chicago' })).toBe(
      'roster-trauma-informed-interviewing-2026-03-03.csv',
    );
  });
});
