import 'server-only';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions, type TTrainingSession } from '@/db/schema';
import { enqueueMails, type TMailMessage } from '@/lib/mail/enqueue';
import { partnerNotices } from '@/lib/agencies/partner-notices';
import { promoteFromWaitlist } from '@/lib/registrations/seating';
import { changedMessage, reminderMessages, sessionCancelledMessage, type TPlaceSession } from '@/lib/registrations/messages';
import { loadPlaceSession } from '@/lib/registrations/place-session';
import { withdrawPendingReminders } from '@/lib/registrations/withdraw';

function timeOrPlaceChanged(before: TTrainingSession, after: TTrainingSession): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.timeZone !== after.timeZone ||
    before.venueName !== after.venueName ||
    before.venueAddress !== after.venueAddress ||
    before.onlineUrl !== after.onlineUrl
  );
}

async function activePeople(tx: Db, sessionId: string) {
  return tx
    .select({
      id: registrations.id,
      name: registrations.name,
      email: registrations.email,
      status: registrations.status,
      calendarSequence: registrations.calendarSequence,
      held: isNotNull(registrations.holdExpiresAt),
    })
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), inArray(registrations.status, ['confirmed', 'waitlisted'])))
    .for('update');
}

/**
 * Tells the people in a session what a trainer's change means for them, inside the transaction
 * that made the change (the session row is locked by it):
 * - cancelled: every active place ends; confirmed people get METHOD:CANCEL, waitlisted a note;
 * - moved in time or place: confirmed people get the updated invite (same UID, higher SEQUENCE)
 *   and their reminders are planned again from the new start;
 * - either way, a joint session's partner coordinators are told;
 * - reminder times changed: reminders are planned again;
 * - capacity raised: the waitlist moves up into the new seats.
 */
export async function notifySessionChange(
  tx: Db,
  before: TTrainingSession,
  options: { message?: string; now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const after = await loadPlaceSession(tx, before.id);
  if (!after) return;
  const previous: TPlaceSession = { ...after, ...before };
  const messages: TMailMessage[] = [];

  if (after.status === 'cancelled' && before.status !== 'cancelled') {
    const people = await activePeople(tx, after.id);
    // Held places were never confirmed to anyone, so they end without a word.
    for (const person of people.filter((p) => !p.held)) messages.push(sessionCancelledMessage(after, person, person.status === 'confirmed', options.message?.trim() || undefined));
    if (people.length > 0) {
      await tx
        .update(registrations)
        .set({ status: 'cancelled', cancelledAt: sql`clock_timestamp()`, holdExpiresAt: null, confirmTokenHash: null, updatedAt: sql`now()` })
        .where(inArray(registrations.id, people.map((p) => p.id)));
    }
    await tx.update(trainingSessions).set({ confirmedCount: 0, waitlistCount: 0 }).where(eq(trainingSessions.id, after.id));
    await withdrawPendingReminders(tx, { sessionId: after.id });
    messages.push(...(await partnerNotices(tx, after, { kind: 'cancelled', message: options.message?.trim() || undefined })));
    await enqueueMails(tx, messages);
    return;
  }
  if (after.status !== 'scheduled') return;

  const moved = timeOrPlaceChanged(before, after);
  const remindersChanged =
    moved || before.firstReminderHours !== after.firstReminderHours || before.secondReminderHours !== after.secondReminderHours;
  if (moved || remindersChanged) {
    const confirmed = (await activePeople(tx, after.id)).filter((p) => p.status === 'confirmed' && !p.held);
    if (moved) {
      for (const person of confirmed) messages.push(changedMessage(after, previous, person));
      messages.push(...(await partnerNotices(tx, after, { kind: 'changed', previous })));
    }
    await withdrawPendingReminders(tx, { sessionId: after.id });
    for (const person of confirmed) messages.push(...reminderMessages(after, person, now));
    await enqueueMails(tx, messages);
  }
  if (after.capacity > before.capacity) await promoteFromWaitlist(tx, after.id, now);
}
