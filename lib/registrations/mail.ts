import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { trainingSessions, workshops } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { formatSessionRange } from '@/lib/time/zoned';

/** What the registration emails say about a session, the same for everyone in it. */
export type TSessionMailContext = {
  workshopTitle: string;
  when: string;
  where: string;
  sessionUrl: string;
};

function appUrl(): string {
  return getEnv().APP_URL.replace(/\/+$/, '');
}

export function manageUrlFor(token: string): string {
  return `${appUrl()}/registrations/manage?token=${encodeURIComponent(token)}`;
}

export function whereText(session: { venueName: string; venueAddress: string; onlineUrl: string | null }): string {
  const venue = [session.venueName, session.venueAddress].filter(Boolean).join(', ');
  if (venue && session.onlineUrl) return `${venue} (or online)`;
  if (venue) return venue;
  return session.onlineUrl ? 'Online: the joining link is on the session page' : 'To be confirmed';
}

export function sessionMailContext(
  session: { id: string; startsAt: Date; endsAt: Date; timeZone: string; venueName: string; venueAddress: string; onlineUrl: string | null },
  workshopTitle: string,
): TSessionMailContext {
  return {
    workshopTitle,
    when: formatSessionRange(session.startsAt, session.endsAt, session.timeZone),
    where: whereText(session),
    sessionUrl: `${appUrl()}/sessions/${session.id}`,
  };
}

export async function loadSessionMailContext(db: Db, sessionId: string): Promise<TSessionMailContext | undefined> {
  const [row] = await db
    .select({ session: trainingSessions, workshopTitle: workshops.title })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(eq(trainingSessions.id, sessionId));
  return row ? sessionMailContext(row.session, row.workshopTitle) : undefined;
}
