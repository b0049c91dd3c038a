import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { trainingSessions, workshops } from '@/db/schema';
import { buildInvite } from '@/lib/calendar';
import { isUuid } from '@/lib/workshops/workshops';
import { calendarContext } from './context';
import { publicSessionEvent, sessionFileName } from './events';

export type TCalendarFile = { ics: string; filename: string };

/**
 * One session as a downloadable METHOD:PUBLISH file, seen as the public sees it: sessions of
 * unpublished workshops do not exist here; unlisted, past and cancelled ones do, by their id.
 */
export async function sessionCalendarFile(db: Db, sessionId: string, now = new Date()): Promise<TCalendarFile | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await db
    .select({ session: trainingSessions, slug: workshops.slug, title: workshops.title, summary: workshops.summary })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(and(eq(trainingSessions.id, sessionId), eq(workshops.status, 'published')));
  if (!row) return null;
  const event = publicSessionEvent(row.session, { title: row.title, summary: row.summary }, calendarContext(now));
  return { ics: buildInvite({ ...event, method: 'PUBLISH' }).ics, filename: sessionFileName(row.slug, row.session) };
}
