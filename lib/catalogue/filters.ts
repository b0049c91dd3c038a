import { z } from 'zod';

const flag = z
  .union([z.boolean(), z.enum(['1', 'true', 'on', '0', 'false', ''])])
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'on')
  .optional();
const day = z.iso.date('Use a date like 2026-03-03.').optional().or(z.literal('').transform(() => undefined));

/** The catalogue's filters, shared by the page (query string) and the API. */
export const ZCatalogueFilters = z.object({
  q: z.string().trim().max(200).optional().transform((v) => v || undefined),
  topic: z.string().trim().toLowerCase().max(60).optional().transform((v) => v || undefined),
  from: day,
  to: day,
  mode: z
    .enum(['in_person', 'online', ''], { error: 'Mode is in_person or online.' })
    .optional()
    .transform((v) => v || undefined),
  joint: flag,
  hasSeats: flag,
});

export type TCatalogueFilters = Partial<z.infer<typeof ZCatalogueFilters>>;

/** Filters as they arrive in a URL; unknown keys are ignored. */
export function filtersFromSearchParams(params: Record<string, string | string[] | undefined>): TCatalogueFilters {
  const pick = (key: string) => {
    const value = params[key];
    // A NUL cannot reach PostgreSQL text; a hand-made URL with one is simply not that filter.
    return (Array.isArray(value) ? value[0] : value)?.replaceAll('\u0000', '');
  };
  const result = ZCatalogueFilters.safeParse({
    q: pick('q'),
    topic: pick('topic'),
    from: pick('from'),
    to: pick('to'),
    mode: pick('mode'),
    joint: pick('joint'),
    hasSeats: pick('hasSeats'),
  });
  // A hand-edited URL with a bad value shows the unfiltered catalogue rather than an error page.
  return result.success ? result.data : {};
}

export function pageFromSearchParams(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
