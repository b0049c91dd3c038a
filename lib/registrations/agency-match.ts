import 'server-only';
import type { SQL } from 'drizzle-orm';
import { sqlText, statement, statementSql, type TStatement } from '@/db/static-statement';

/**
 * The partner agency a typed agency name stands for, matched without regard to case or
 * surrounding spaces, as a subquery for the registration's INSERT (no extra round trip); null for
 * a blank name. Coordinators see their agency's people by this link, so a near miss stays unlinked.
 */
const agencyIdNamed = <K extends string>(name: TStatement<K>) => statement<K>`(
  select ag.id from agencies ag
   where btrim(${name}) <> '' and lower(btrim(ag.name)) = lower(btrim(${name}))
   order by ag.created_at limit 1)`;

/** For a statement with the typed name as its parameter `agency`. */
const MATCHING_AGENCY_ID = agencyIdNamed(statement<'agency'>`${'agency'}::text`);

/** For a statement whose rows `a` carry the typed name in `a.agency`. */
export const AGENCY_ID_OF_PERSON = agencyIdNamed(sqlText('a.agency'));

export function matchingAgencyId(agency: string): SQL<string | null> {
  return statementSql(MATCHING_AGENCY_ID, { agency }) as SQL<string | null>;
}
