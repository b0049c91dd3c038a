import { describe, expect, it } from 'vitest';
import { categoryLabel, formatHours, hoursLedger, type TLedgerItem } from './ledger';

const item = (year: number, creditCategory: string, hours: number, status: 'valid' | 'revoked' = 'valid'): TLedgerItem => ({ year, creditCategory, hours, status });

describe('hoursLedger', () => {
  it('totals hours by year, newest first, and by credit category, counting valid certificates only', () => {
    const ledger = hoursLedger([
      item(2025, 'POST', 3),
      item(2026, 'POST', 2.5),
      item(2026, 'Victim support', 1.25),
      item(2026, 'POST', 4, 'revoked'),
      item(2026, '', 1),
      item(2024, 'POST', 8, 'revoked'),
    ]);
    expect(ledger).toEqual({
      years: [
        {
          year: 2026,
          categories: [
            { category: 'POST', hours: 2.5 },
            { category: 'Victim support', hours: 1.25 },
            { category: '', hours: 1 },
          ],
          total: 4.75,
        },
        { year: 2025, categories: [{ category: 'POST', hours: 3 }], total: 3 },
      ],
      categories: [
        { category: 'POST', hours: 5.5 },
        { category: 'Victim support', hours: 1.25 },
        { category: '', hours: 1 },
      ],
      total: 7.75,
    });
  });

  it('adds in hundredths, so tenths do not drift', () => {
    const ledger = hoursLedger([item(2026, 'A', 0.1), item(2026, 'A', 0.2)]);
    expect(ledger.total).toBe(0.3);
    expect(ledger.categories).toEqual([{ category: 'A', hours: 0.3 }]);
  });

  it('is empty without valid certificates', () => {
    expect(hoursLedger([item(2026, 'A', 3, 'revoked')])).toEqual({ years: [], categories: [], total: 0 });
  });
});

describe('labels', () => {
  it('names the empty category and prints hours without trailing zeros', () => {
    expect(categoryLabel('')).toBe('Uncategorised');
    expect(categoryLabel('POST')).toBe('POST');
    expect([3, 1.5, 2.25, 0.1 + 0.2].map(formatHours)).toEqual(['3', '1.5', '2.25', '0.3']);
  });
});
