import { describe, expect, it } from 'vitest';
import type { TMyCertificateDto } from './my-certificates';
import { TRAINING_CSV_HEADER, trainingCsv } from './training-csv';

const certificate = (overrides: Partial<TMyCertificateDto>): TMyCertificateDto => ({
  code: '7K2Q-9XWD-4HPA-M3TR',
  holderName: 'Dana Reyes',
  workshopTitle: 'Trauma-informed interviewing',
  sessionDate: 'Tuesday 3 March 2026, 9:00–12:00 CST',
  sessionStartsAt: '2026-03-03T15:00:00.000Z',
  timeZone: 'America/Chicago',
  year: 2026,
  hours: 3,
  creditCategory: 'POST',
  status: 'valid',
  issuedAt: '2026-03-03T19:00:00.000Z',
  revokedAt: null,
  revokedReason: null,
  replacedByCode: null,
  paper: 'a4',
  ...overrides,
});

describe('trainingCsv', () => {
  it('starts with a byte-order mark and the header, one CRLF row per certificate, revoked ones marked', () => {
    const csv = trainingCsv([
      certificate({}),
      certificate({
        code: 'AAAA-BBBB-CCCC-DDDD',
        hours: 1.5,
        creditCategory: '',
        status: 'revoked',
        revokedAt: '2026-04-01T12:00:00.000Z',
        revokedReason: 'Reissued: name, misspelt',
        replacedByCode: 'EEEE-FFFF-GGGG-HHHH',
      }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(TRAINING_CSV_HEADER.join(','));
    expect(lines[1]).toBe(
      '7K2Q-9XWD-4HPA-M3TR,Trauma-informed interviewing,"Tuesday 3 March 2026, 9:00–12:00 CST",America/Chicago,3,POST,valid,2026-03-03T19:00:00.000Z,,,',
    );
    expect(lines[2]).toBe(
      'AAAA-BBBB-CCCC-DDDD,Trauma-informed interviewing,"Tuesday 3 March 2026, 9:00–12:00 CST",America/Chicago,1.5,Uncategorised,revoked,2026-03-03T19:00:00.000Z,2026-04-01T12:00:00.000Z,"Reissued: name, misspelt",EEEE-FFFF-GGGG-HHHH',
    );
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const csv = trainingCsv([certificate({ workshopTitle: '=HYPERLINK("http://evil.example","Click")', creditCategory: '@SUM(A1)' })]);
    const row = csv.slice(1).split('\r\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(row).toContain(`'@SUM(A1)`);
    expect(row).not.toMatch(/,=|,@/);
  });
});
