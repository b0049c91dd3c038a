import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { sessionFacilitators, type TTrainingSession } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { enqueueMails, type TMailMessage } from '@/lib/mail/enqueue';
import { whereText } from '@/lib/registrations/mail';
import { inviteSpecFor, type TPlaceSession } from '@/lib/registrations/messages';
import { loadPlaceSession } from '@/lib/registrations/place-session';
import { formatSessionRange } from '@/lib/time/zoned';

type TCoFacilitator = { id: string; name: string; email: string; invitedSequence: number | null };
type TKind = 'added' | 'changed' | 'cancelled' | 'removed';

function rosterUrl(sessionId: string): string {
  return `${getEnv().APP_URL.replace(/\/+$/, '')}/trainer/sessions/${sessionId}`;
}

/**
 * Each co-facilitator has their own calendar event, apart from any attendee's: its UID comes from
 * their row, and its SEQUENCE is the session's, one more once they are taken off it.
 */
function message(
  session: TPlaceSession,
  person: TCoFacilitator,
  kind: TKind,
  facts: { leadName: string; previousWhen?: string; message?: string },
): TMailMessage<'co-facilitator-invite'> {
  const invitee = { id: `co-facilitator-${person.id}`, name: person.name, email: person.email, calendarSequence: kind === 'removed' ? 1 : 0 };
  return {
    to: person.email,
    sessionId: session.id,
    template: 'co-facilitator-invite',
    props: {
      name: person.name,
      leadName: facts.leadName,
      workshopTitle: session.workshopTitle,
      when: formatSessionRange(session.startsAt, session.endsAt, session.timeZone),
      where: whereText(session),
      kind,
      ...(kind === 'changed' && facts.previousWhen ? { previousWhen: facts.previousWhen } : {}),
      ...(kind === 'cancelled' && facts.message ? { message: facts.message } : {}),
      rosterUrl: rosterUrl(session.id),
      invite: inviteSpecFor(session, invitee, kind === 'added' || kind === 'changed' ? 'REQUEST' : 'CANCEL'),
    },
  };
}

async function leadName(tx: Db, sessionId: string): Promise<string> {
  const [lead] = await tx
    .select({ name: sessionFacilitators.name })
    .from(sessionFacilitators)
    .where(and(eq(sessionFacilitators.sessionId, sessionId), isNotNull(sessionFacilitators.userId)))
    .limit(1);
  return lead?.name || 'The trainer';
}

/** Whether invites still mean anything: nobody is sent one for a session that is over. */
function stillAhead(session: TPlaceSession, now: Date): boolean {
  return session.endsAt.getTime() > now.getTime();
}

/**
 * Brings every co-facilitator's calendar up to date with the session, inside the transaction that
 * changed it: a new one gets their invite, a move sends the update, a cancellation the CANCEL.
 * Each row remembers the SEQUENCE it was last sent, so calling this again sends nothing twice.
 * `before` is the session as it was, for the "it was" line of a move.
 */
export async function syncCoFacilitatorInvites(
  tx: Db,
  sessionId: string,
  options: { before?: TTrainingSession; message?: string; now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const session = await loadPlaceSession(tx, sessionId);
  if (!session || !stillAhead(session, now)) return;
  const people = await tx
    .select({ id: sessionFacilitators.id, name: sessionFacilitators.name, email: sessionFacilitators.email, invitedSequence: sessionFacilitators.invitedSequence })
    .from(sessionFacilitators)
    .where(and(eq(sessionFacilitators.sessionId, sessionId), isNull(sessionFacilitators.userId)))
    .orderBy(asc(sessionFacilitators.position))
    .for('update');
  const before = options.before;
  // Told of the cancellation when it happened: later edits of a cancelled session say nothing more.
  const wasCancelled = before?.status === 'cancelled';
  const due: { person: TCoFacilitator; kind: TKind }[] = [];
  const silent: string[] = [];
  const addresses = new Set<string>();
  for (const person of people) {
    const address = person.email.toLowerCase();
    if (!address || addresses.has(address)) continue;
    addresses.add(address);
    const behind = person.invitedSequence !== null && person.invitedSequence < session.sequence;
    if (session.status === 'cancelled') {
      if (behind && wasCancelled) silent.push(person.id);
      else if (behind) due.push({ person, kind: 'cancelled' });
    } else if (person.invitedSequence === null || (wasCancelled && behind)) {
      // Listed now, or the session is back on after a cancellation withdrew their invite.
      due.push({ person, kind: 'added' });
    } else if (behind) {
      due.push({ person, kind: 'changed' });
    }
  }
  if (due.length > 0) {
    const facts = { leadName: await leadName(tx, sessionId), previousWhen: before && previousText(before, session), message: options.message?.trim() || undefined };
    await enqueueMails(tx, due.map(({ person, kind }) => message(session, person, kind, facts)));
  }
  const updated = [...due.map(({ person }) => person.id), ...silent];
  if (updated.length > 0) await tx.update(sessionFacilitators).set({ invitedSequence: session.sequence }).where(inArray(sessionFacilitators.id, updated));
}

/** "Mon 2 Mar, 9:00–12:00 CST", with the old place when only the place changed. */
function previousText(before: TTrainingSession, now: TPlaceSession): string {
  const was = formatSessionRange(before.startsAt, before.endsAt, before.timeZone);
  const sameTime = was === formatSessionRange(now.startsAt, now.endsAt, now.timeZone);
  return sameTime ? `${was}, ${whereText(before)}` : was;
}

/**
 * Sets a session's co-facilitators (the lead trainer's row stays). Someone listed before and after,
 * by email, keeps their row and so their calendar event; someone taken off who had an invite gets
 * the CANCEL. Call syncCoFacilitatorInvites after, for the newly listed.
 */
export async function replaceCoFacilitators(
  tx: Db,
  sessionId: string,
  wanted: readonly { name: string; email: string }[],
  now = new Date(),
): Promise<void> {
  const current = await tx
    .select({ id: sessionFacilitators.id, name: sessionFacilitators.name, email: sessionFacilitators.email, invitedSequence: sessionFacilitators.invitedSequence })
    .from(sessionFacilitators)
    .where(and(eq(sessionFacilitators.sessionId, sessionId), isNull(sessionFacilitators.userId)))
    .for('update');
  const key = (email: string) => email.trim().toLowerCase();
  const kept = new Map<string, TCoFacilitator>();
  for (const row of current) if (row.email && !kept.has(key(row.email))) kept.set(key(row.email), row);
  const keptIds = new Set<string>();
  for (const [i, person] of wanted.entries()) {
    const row = person.email ? kept.get(key(person.email)) : undefined;
    if (row && !keptIds.has(row.id)) {
      keptIds.add(row.id);
      await tx.update(sessionFacilitators).set({ name: person.name, email: person.email, position: i + 1 }).where(eq(sessionFacilitators.id, row.id));
    } else {
      await tx.insert(sessionFacilitators).values({ sessionId, name: person.name, email: person.email, position: i + 1 });
    }
  }
  const removed = current.filter((row) => !keptIds.has(row.id));
  if (removed.length === 0) return;
  await tx.delete(sessionFacilitators).where(inArray(sessionFacilitators.id, removed.map((row) => row.id)));
  const invited = removed.filter((row) => row.email && row.invitedSequence !== null);
  const session = invited.length > 0 ? await loadPlaceSession(tx, sessionId) : undefined;
  if (!session || !stillAhead(session, now)) return;
  // Of a cancelled session, only whoever has not had its CANCEL yet (cancelled in this same save).
  const due = session.status === 'scheduled' ? invited : invited.filter((row) => row.invitedSequence! < session.sequence);
  if (due.length === 0) return;
  const facts = { leadName: await leadName(tx, sessionId) };
  await enqueueMails(tx, due.map((row) => message(session, row, session.status === 'scheduled' ? 'removed' : 'cancelled', facts)));
}
