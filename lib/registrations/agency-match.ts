import 'server-only';
import type { SQL } from 'drizzle-orm';
import { statement, statementSql } from '@/db/static-statement';

/**
 * The partner agency a typed agency name stands for, matched without regard to case or
 * surrounding spaces, as a subquery for the registration's INSERT (no extra round trip); null for
 * a blank name. Coordinators see their agency's people by this link, so a near miss stays unlinked.
 */
export const MATCHING_AGENCY_ID = statement<'agency'>`(
  select a.id from agencies a
   where btrim(${'agency'}::text) <> '' and lower(btrim(a.name)) = lower(btrim(${'agency'}::text))
   order by a.created_at limit 1)`;

export function matchingAgencyId(agency: string): SQL<string | null> {
  return statementSql(MATCHING_AGENCY_ID, { agency }) as SQL<string | null>;
}
