/** What the ledger needs of a certificate. */
export type TLedgerItem = { status: 'valid' | 'revoked'; year: number; creditCategory: string; hours: number };

export type TCategoryHours = { category: string; hours: number };
export type TLedgerYear = { year: number; categories: TCategoryHours[]; total: number };
export type THoursLedger = {
  /** Most recent year first; within a year, categories by name. */
  years: TLedgerYear[];
  /** Every year together, by category name. */
  categories: TCategoryHours[];
  total: number;
};

/** Hours are stored to the hundredth; summing in hundredths keeps 0.1 + 0.2 from printing as 0.30000000000000004. */
const cents = (hours: number) => Math.round(hours * 100);
const fromCents = (value: number) => value / 100;

function byCategory(items: readonly TLedgerItem[]): TCategoryHours[] {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(item.creditCategory, (sums.get(item.creditCategory) ?? 0) + cents(item.hours));
  return [...sums.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([category, sum]) => ({ category, hours: fromCents(sum) }));
}

const totalOf = (items: readonly TLedgerItem[]) => fromCents(items.reduce((sum, item) => sum + cents(item.hours), 0));

/**
 * Training hours by year and by credit category. Only valid certificates count: a revoked one
 * (or one replaced by a reissue, whose replacement is counted instead) earns nothing.
 */
export function hoursLedger(items: readonly TLedgerItem[]): THoursLedger {
  const valid = items.filter((item) => item.status === 'valid');
  const years = [...new Set(valid.map((item) => item.year))].sort((a, b) => b - a);
  return {
    years: years.map((year) => {
      const inYear = valid.filter((item) => item.year === year);
      return { year, categories: byCategory(inYear), total: totalOf(inYear) };
    }),
    categories: byCategory(valid),
    total: totalOf(valid),
  };
}

/** A category as people read it; certificates without one are grouped under this. */
export function categoryLabel(category: string): string {
  return category || 'Uncategorised';
}

/** Hours for print: "3", "1.5", "2.25". */
export function formatHours(hours: number): string {
  return String(fromCents(cents(hours)));
}
