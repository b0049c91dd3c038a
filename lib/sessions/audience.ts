import 'server-only';
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { agencies, sessionAgencies, trainingSessions } from '@/db/schema';
import { isAgencyMember } from '@/lib/agencies/membership';
import { AppError } from '@/lib/errors/app-error';
import { namesInProse } from '@/lib/text/names-in-prose';

export type TAudienceAgency = { id: string; name: string };

/**
 * Whether `email` may take a seat in the session: any address for a public or unlisted session,
 * only a member of one of its agencies (by email domain, confirmation or nomination) for a
 * session for agencies.
 */
export function mayTakeSeat(session: { id: AnyPgColumn; visibility: AnyPgColumn }, email: SQL | AnyPgColumn): SQL<boolean> {
  return sql<boolean>`(${session.visibility} <> 'agencies' or exists (
      select 1 from ${sessionAgencies} sa where sa.session_id = ${session.id} and ${isAgencyMember(sql`sa.agency_id`, email)}))`;
}

/** Whether `email` may take a seat in the session; refused with who it is for when not. */
export async function assertInAudience(db: Db, sessionId: string, email: string): Promise<void> {
  const [row] = await db
    .select({ ok: mayTakeSeat(trainingSessions, sql`${email}`) })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId));
  if (row && !row.ok) throw await outsiderRefusal(db, sessionId);
}

/** The refusal for someone known not to be a member: it names whom the session is for. */
export async function outsiderRefusal(db: Db, sessionId: string): Promise<AppError> {
  return notInAudienceError(((await audiencesOf(db, [sessionId])).get(sessionId) ?? []).map((agency) => agency.name));
}

/** The agencies each session is for, by session, names in alphabetical order. */
export async function audiencesOf(db: Db, sessionIds: readonly string[]): Promise<Map<string, TAudienceAgency[]>> {
  const byId = new Map<string, TAudienceAgency[]>();
  if (sessionIds.length === 0) return byId;
  const rows = await db
    .select({ sessionId: sessionAgencies.sessionId, id: agencies.id, name: agencies.name })
    .from(sessionAgencies)
    .innerJoin(agencies, eq(agencies.id, sessionAgencies.agencyId))
    .where(inArray(sessionAgencies.sessionId, [...sessionIds]))
    .orderBy(asc(agencies.name));
  for (const { sessionId, id, name } of rows) byId.set(sessionId, [...(byId.get(sessionId) ?? []), { id, name }]);
  return byId;
}

/** Sets the agencies a session is for, replacing any it had; inside the caller's transaction. */
export async function setSessionAgencies(tx: Db, sessionId: string, agencyIds: readonly string[]): Promise<void> {
  await tx.delete(sessionAgencies).where(eq(sessionAgencies.sessionId, sessionId));
  if (agencyIds.length > 0) await tx.insert(sessionAgencies).values([...new Set(agencyIds)].map((agencyId) => ({ sessionId, agencyId })));
}

/** For someone who is not a member: who the session is for, and how to register as one of them. */
export const notInAudienceError = (names: readonly string[]) => {
  const message = `This session is for officers of ${namesInProse(names) || 'the agencies it was arranged with'}. Register with your work email address at one of them, or ask your training coordinator.`;
  return new AppError('not_in_audience', message, 403, { email: message });
};
