import 'server-only';
import { and, asc, count, countDistinct, eq, gt, ilike, inArray, isNotNull, isNull, lt, min, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencies, trainingSessions, workshops } from '@/db/schema';
import { audiencesOf } from '@/lib/sessions/audience';
import { toPublicSessionDto, type TPublicSessionDto } from '@/lib/sessions/dto';
import { isUuid, toWorkshopDto, type TWorkshopDto } from '@/lib/workshops/workshops';
import type { TCatalogueFilters } from './filters';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * What the public may see: published workshops, scheduled sessions that have not started, public
 * or for agencies (listed with whom they are for; only those agencies' members take a seat).
 */
function catalogueWhere(filters: TCatalogueFilters, now: Date): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(workshops.status, 'published'),
    eq(trainingSessions.status, 'scheduled'),
    inArray(trainingSessions.visibility, ['public', 'agencies']),
    gt(trainingSessions.startsAt, now),
  ];
  if (filters.topic) conditions.push(sql`${workshops.topics} @> ${JSON.stringify([filters.topic])}::jsonb`);
  // Dates are the session's own local dates, whatever zone the visitor is in.
  if (filters.from) conditions.push(sql`(${trainingSessions.startsAt} at time zone ${trainingSessions.timeZone})::date >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`(${trainingSessions.startsAt} at time zone ${trainingSessions.timeZone})::date <= ${filters.to}::date`);
  if (filters.mode === 'online') conditions.push(isNotNull(trainingSessions.onlineUrl));
  if (filters.mode === 'in_person') conditions.push(isNull(trainingSessions.onlineUrl));
  if (filters.joint) conditions.push(isNotNull(trainingSessions.partnerAgencyId));
  if (filters.hasSeats) conditions.push(lt(trainingSessions.confirmedCount, trainingSessions.capacity));
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(or(ilike(workshops.title, pattern), ilike(workshops.summary, pattern)));
  }
  return and(...conditions)!;
}

type TSessionRow = { session: typeof trainingSessions.$inferSelect; workshop: typeof workshops.$inferSelect; agency: { id: string; name: string } | null };

/** Rows as public DTOs, each session for agencies with the agencies it is for (one query for all). */
async function publicDtos(db: Db, rows: readonly TSessionRow[]): Promise<TPublicSessionDto[]> {
  const audiences = await audiencesOf(db, rows.filter((r) => r.session.visibility === 'agencies').map((r) => r.session.id));
  return rows.map((r) => toPublicSessionDto(r.session, r.workshop, r.agency?.id ? r.agency : null, audiences.get(r.session.id)));
}

/** How many workshops have a session matching `where`: for a page past the end, which has no rows to carry the count. */
async function countWorkshops(db: Db, where: SQL): Promise<number> {
  const [totals] = await db
    .select({ workshops: countDistinct(workshops.id) })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(where);
  return totals?.workshops ?? 0;
}

export type TCatalogueGroup = { workshop: TWorkshopDto; sessions: TPublicSessionDto[]; moreSessions: number };
export type TCataloguePage = { groups: TCatalogueGroup[]; page: number; pageCount: number; workshopCount: number };

export const WORKSHOPS_PER_PAGE = 10;
export const SESSIONS_PER_WORKSHOP = 3;

/**
 * One page of the catalogue: workshops ordered by their next matching session, each with its
 * first few matching sessions.
 */
export async function getCataloguePage(db: Db, filters: TCatalogueFilters, page: number, now = new Date()): Promise<TCataloguePage> {
  const where = catalogueWhere(filters, now);
  const next = min(trainingSessions.startsAt);
  // The count comes with the page (a window over the groups, before the limit): one pass over the matching sessions.
  const pageRows = await db
    .select({ id: workshops.id, next, workshops: sql<number>`(count(*) over ())::int` })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(where)
    .groupBy(workshops.id)
    .orderBy(asc(next), asc(workshops.id))
    .limit(WORKSHOPS_PER_PAGE)
    .offset((page - 1) * WORKSHOPS_PER_PAGE);
  const workshopCount = pageRows[0]?.workshops ?? (page > 1 ? await countWorkshops(db, where) : 0);
  const pageCount = Math.max(1, Math.ceil(workshopCount / WORKSHOPS_PER_PAGE));
  if (pageRows.length === 0) return { groups: [], page, pageCount, workshopCount };

  const ids = pageRows.map((r) => r.id);
  const rows = await db
    .select({ session: trainingSessions, workshop: workshops, agency: { id: agencies.id, name: agencies.name } })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .leftJoin(agencies, eq(agencies.id, trainingSessions.partnerAgencyId))
    .where(and(where, inArray(workshops.id, ids)))
    .orderBy(asc(trainingSessions.startsAt));
  const groups = new Map<string, TCatalogueGroup>(
    ids.map((id) => {
      const workshop = rows.find((r) => r.workshop.id === id)!.workshop;
      return [id, { workshop: toWorkshopDto(workshop), sessions: [], moreSessions: 0 }];
    }),
  );
  const shown: TSessionRow[] = [];
  const shownOf = new Map<string, number>();
  for (const row of rows) {
    const count = shownOf.get(row.workshop.id) ?? 0;
    if (count < SESSIONS_PER_WORKSHOP) {
      shown.push(row);
      shownOf.set(row.workshop.id, count + 1);
    } else groups.get(row.workshop.id)!.moreSessions += 1;
  }
  const dtos = await publicDtos(db, shown);
  shown.forEach((row, i) => groups.get(row.workshop.id)!.sessions.push(dtos[i]!));
  return { groups: [...groups.values()], page, pageCount, workshopCount };
}

/** Topics in use by published workshops, for the filter. */
export async function listCatalogueTopics(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ topic: sql<string>`jsonb_array_elements_text(${workshops.topics})` })
    .from(workshops)
    .where(eq(workshops.status, 'published'));
  return rows.map((r) => r.topic).sort();
}

export type TSessionCursor = { startsAt: string; id: string };

export function encodeCursor(cursor: TSessionCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(value: string | undefined | null): TSessionCursor | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as TSessionCursor;
    // Only the exact form encodeCursor writes: anything looser could reach PostgreSQL as a bad date.
    const exact = typeof parsed.startsAt === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(parsed.startsAt);
    if (typeof parsed.id === 'string' && isUuid(parsed.id) && exact && new Date(parsed.startsAt).toISOString() === parsed.startsAt) {
      return parsed;
    }
  } catch {
    // fall through
  }
  return undefined;
}

/** Sessions in start order with a keyset cursor, for the API. */
export async function listCatalogueSessions(
  db: Db,
  filters: TCatalogueFilters,
  options: { limit: number; cursor?: TSessionCursor },
  now = new Date(),
): Promise<{ items: TPublicSessionDto[]; nextCursor: string | null }> {
  const after = options.cursor
    ? sql`(${trainingSessions.startsAt}, ${trainingSessions.id}) > (${options.cursor.startsAt}::timestamptz, ${options.cursor.id}::uuid)`
    : undefined;
  const rows = await db
    .select({ session: trainingSessions, workshop: workshops, agency: { id: agencies.id, name: agencies.name } })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .leftJoin(agencies, eq(agencies.id, trainingSessions.partnerAgencyId))
    .where(and(catalogueWhere(filters, now), after))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
    .limit(options.limit + 1);
  const items = await publicDtos(db, rows.slice(0, options.limit));
  const last = rows.length > options.limit ? items[items.length - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor({ startsAt: last.startsAt, id: last.id }) : null };
}

/**
 * A session as the public may see it: any session of a published workshop, public or unlisted
 * (unlisted ones are reachable by their link), including past and cancelled ones so a link in an
 * old email still explains itself.
 */
export async function getPublicSession(db: Db, id: string): Promise<TPublicSessionDto | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ session: trainingSessions, workshop: workshops, agency: { id: agencies.id, name: agencies.name } })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .leftJoin(agencies, eq(agencies.id, trainingSessions.partnerAgencyId))
    .where(and(eq(trainingSessions.id, id), eq(workshops.status, 'published')));
  return row ? (await publicDtos(db, [row]))[0]! : null;
}

/** Upcoming public sessions of one published workshop, for its page. */
export async function listUpcomingSessionsOfWorkshop(db: Db, workshopId: string, now = new Date()): Promise<TPublicSessionDto[]> {
  const rows = await db
    .select({ session: trainingSessions, workshop: workshops, agency: { id: agencies.id, name: agencies.name } })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .leftJoin(agencies, eq(agencies.id, trainingSessions.partnerAgencyId))
    .where(and(catalogueWhere({}, now), eq(workshops.id, workshopId)))
    .orderBy(asc(trainingSessions.startsAt));
  return publicDtos(db, rows);
}

export async function countPublishedWorkshops(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(workshops).where(eq(workshops.status, 'published'));
  return row?.n ?? 0;
}
