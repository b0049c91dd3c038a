import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { queryRows } from '@/db/client';
import { registrations, trainingSessions } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { verifiedAgencyOf } from '@/lib/agencies/membership';
import { askedPage, LIST_PAGE_SIZE, listPageFrom, type TListPage } from '@/lib/lists/page-of';
import { onShownPage } from '@/lib/lists/page-sql';
import { assertSessionStaff } from '@/lib/sessions/session-staff';
import { notFoundError } from '@/lib/errors/app-error';
import { isUuid } from '@/lib/workshops/workshops';
import { rosterColumns, statusOrder, toRosterEntry, withinSection, type TRosterEntryDto } from './queries';

export const ROSTER_SECTIONS = ['confirmed', 'pending', 'waitlist', 'cancelled'] as const;
export type TRosterSection = (typeof ROSTER_SECTIONS)[number];
export type TRosterPages = Record<TRosterSection, TListPage<TRosterEntryDto>>;

type TPageRow = { id: string; section: number; n: number; total: number; line: number | null };

/**
 * One page of each section of a session's roster (confirmed, awaiting approval, waitlist,
 * cancelled), in the order listRegistrationsForTrainer gives, counted and paged in the database:
 * a roster of thousands costs the rows shown. A page past a section's end shows its last page.
 * Waitlist places are numbered among everyone in line, as on the full roster.
 */
export async function getRosterPages(
  db: Db,
  actor: TActor,
  sessionId: string,
  requested: Partial<Record<TRosterSection, unknown>> = {},
  size = LIST_PAGE_SIZE,
): Promise<TRosterPages> {
  await assertSessionStaff(db, actor, sessionId);
  if (!isUuid(sessionId)) throw notFoundError('Session');
  const asked = sql.join(
    ROSTER_SECTIONS.map((section, index) => sql`(${index}::int, ${askedPage(requested[section])}::int)`),
    sql`, `,
  );
  // Which rows a page shows and their details are two statements: one snapshot, so nobody moved
  // between them shows in a section they have left.
  const { shown, details } = await db.transaction(
    async (tx) => {
      const [session] = await tx.select({ id: trainingSessions.id }).from(trainingSessions).where(eq(trainingSessions.id, sessionId));
      if (!session) throw notFoundError('Session');
      const shown = await queryRows<TPageRow>(
        tx,
        sql`with ranked as (
            select ${registrations.id} as id, ${statusOrder} as section,
              row_number() over (partition by ${statusOrder} order by ${sql.join(withinSection, sql`, `)}) as n,
              count(*) over (partition by ${statusOrder}) as total,
              case when ${registrations.status} = 'waitlisted' then row_number() over (
                partition by ${registrations.status} = 'waitlisted' order by ${statusOrder}, ${sql.join(withinSection, sql`, `)}
              ) end as line
            from ${registrations} where ${registrations.sessionId} = ${sessionId}
          )
          select id, ranked.section::int, n::int, total::int, line::int
          from ranked join (values ${asked}) as asked(section, page) on asked.section = ranked.section
          where ${onShownPage(sql`asked.page`, size)}
          order by ranked.section, n`,
      );
      const details = shown.length
        ? await tx
            .select({ r: rosterColumns, verifiedAgencyId: verifiedAgencyOf(registrations.email) })
            .from(registrations)
            .where(and(eq(registrations.sessionId, sessionId), inArray(registrations.id, shown.map((row) => row.id))))
        : [];
      return { shown, details };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const byId = new Map(details.map((detail) => [detail.r.id, detail]));
  return Object.fromEntries(
    ROSTER_SECTIONS.map((section, index) => {
      const rows = shown.filter((row) => row.section === index);
      const entries = rows.flatMap((row) => {
        const detail = byId.get(row.id);
        return detail ? [toRosterEntry(detail.r, detail.verifiedAgencyId, row.line)] : [];
      });
      return [section, listPageFrom(entries, rows[0]?.n, rows[0]?.total ?? 0, size)];
    }),
  ) as TRosterPages;
}

/** The names of some of a session's registrations, by id: for saying what an action did to whom. */
export async function rosterNames(db: Db, sessionId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: registrations.id, name: registrations.name })
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), inArray(registrations.id, wanted)));
  return new Map(rows.map((row) => [row.id, row.name]));
}
