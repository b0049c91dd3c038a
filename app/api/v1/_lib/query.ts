import { z } from 'zod';
import { ZCatalogueFilters } from '@/lib/catalogue/filters';

/** `GET /api/v1/sessions`: the catalogue's filters, a page size and the cursor a previous page gave. */
export const ZSessionListQuery = ZCatalogueFilters.extend({
  limit: z.coerce
    .number({ error: 'limit is a whole number from 1 to 100.' })
    .int('limit is a whole number from 1 to 100.')
    .min(1, 'limit is a whole number from 1 to 100.')
    .max(100, 'limit is a whole number from 1 to 100.')
    .default(50),
  cursor: z.string().max(500, 'This cursor is not one this API gave out.').optional(),
});

export const sessionListQueryWords: Record<string, string> = {
  q: 'Words in the workshop title or summary.',
  topic: 'One topic, like `child protection`.',
  from: 'First local date (in the session’s own time zone), YYYY-MM-DD.',
  to: 'Last local date (in the session’s own time zone), YYYY-MM-DD.',
  mode: '`in_person` or `online`.',
  joint: 'Only joint sessions with a partner agency (`1` or `true`).',
  hasSeats: 'Only sessions with a seat left (`1` or `true`).',
  limit: 'Page size, 1 to 100.',
  cursor: 'The `nextCursor` of the previous page; opaque.',
};
