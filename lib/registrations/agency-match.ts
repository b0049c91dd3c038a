import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/**
 * The partner agency a typed agency name stands for, matched without regard to case or
 * surrounding spaces, as a subquery for the registration's INSERT (no extra round trip).
 * Coordinators see their agency's people by this link, so a near miss stays unlinked.
 */
export function matchingAgencyId(agency: string): SQL<string | null> {
  if (!agency.trim()) return sql<null>`null::uuid`;
  return sql<string | null>`(select a.id from agencies a where lower(btrim(a.name)) = lower(btrim(${agency})) order by a.created_at limit 1)`;
}
