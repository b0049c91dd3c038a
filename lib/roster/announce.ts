import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { AppError, notFoundError, parseInput } from '@/lib/errors/app-error';
import { enqueueMails, type TMailMessage } from '@/lib/mail/enqueue';
import { manageUrlFor, sessionMailContext } from '@/lib/registrations/mail';
import { loadPlaceSession } from '@/lib/registrations/place-session';
import { manageTokenFor } from '@/lib/registrations/tokens';
import { isUuid } from '@/lib/workshops/workshops';
import { recordAudit } from '@/lib/audit/record';
import { ZAnnouncement } from './schemas';

export type TAnnouncementResult = { recipients: number };

/**
 * Emails a trainer's message to everyone confirmed in a session (not the waitlist, not those who
 * cancelled): one outbox row each, written in one transaction with the audit row, so either
 * everyone is sent it and it is on record, or nothing happened.
 */
export async function announceToSession(db: Db, actor: TActor, sessionId: string, input: unknown): Promise<TAnnouncementResult> {
  assertTrainer(actor);
  if (!isUuid(sessionId)) throw notFoundError('Session');
  const { subject, message } = parseInput(ZAnnouncement, input);
  return db.transaction(async (tx) => {
    const session = await loadPlaceSession(tx, sessionId);
    if (!session) throw notFoundError('Session');
    if (session.status === 'cancelled') {
      throw new AppError('session_cancelled', 'This session has been cancelled; its attendees have been told.', 409);
    }
    const people = await tx
      .select({ id: registrations.id, name: registrations.name, email: registrations.email })
      .from(registrations)
      // Held places wait for their holder's email, and an announcement is no way round that.
      .where(and(eq(registrations.sessionId, sessionId), eq(registrations.status, 'confirmed'), isNull(registrations.holdExpiresAt)))
      .orderBy(asc(registrations.confirmedAt), asc(registrations.id));
    if (people.length === 0) {
      throw new AppError('nobody_confirmed', 'Nobody is confirmed in this session yet, so there is nobody to send it to.', 409);
    }
    const { workshopTitle, when, sessionUrl } = sessionMailContext(session, session.workshopTitle);
    const messages: TMailMessage<'session-announcement'>[] = people.map((person) => ({
      to: person.email,
      template: 'session-announcement',
      props: {
        name: person.name,
        workshopTitle,
        when,
        subject,
        message,
        sessionUrl,
        manageUrl: manageUrlFor(manageTokenFor(person.id).token),
      },
      sessionId,
      registrationId: person.id,
    }));
    await enqueueMails(tx, messages);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'session.announced',
      subjectType: 'training_session',
      subjectId: sessionId,
      sessionId,
      details: { subject, recipients: people.length },
    });
    return { recipients: people.length };
  });
}
