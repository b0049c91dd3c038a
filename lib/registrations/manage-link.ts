import 'server-only';
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations } from '@/db/schema';
import { enqueueMail, enqueueMails } from '@/lib/mail/enqueue';
import { hitRateLimit } from '@/lib/rate-limit/rate-limit';
import { isUuid } from '@/lib/workshops/workshops';
import { confirmPlaceMessage, newHold } from './hold';
import { sessionMailContext } from './mail';
import { manageUrlOf } from './messages';
import { loadPlaceSession } from './place-session';
import { waitlistPosition } from './queries';
import { ZRegistrationInput } from './schemas';

/**
 * Sends the link of an active place to its own address: the manage link, or for a place still
 * held for confirmation a fresh confirmation link (the old one stops working). It says nothing to
 * the caller either way, so nobody learns from it who is registered; the email goes only to the
 * owner, a handful of times an hour at most however often it is asked for.
 */
export async function emailManageLink(db: Db, sessionId: string, email: string, now = new Date()): Promise<void> {
  const parsed = ZRegistrationInput.shape.email.safeParse(email);
  if (!parsed.success || !isUuid(sessionId)) return;
  const [person] = await db
    .select({ id: registrations.id, name: registrations.name, email: registrations.email, holdExpiresAt: registrations.holdExpiresAt })
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), eq(registrations.email, parsed.data), ne(registrations.status, 'cancelled')));
  if (!person) return;
  const hit = await hitRateLimit(db, `manage-link:${person.id}`, { limit: 3, windowMs: 3_600_000 });
  if (!hit.allowed) return;
  const session = await loadPlaceSession(db, sessionId);
  if (!session) return;
  if (person.holdExpiresAt) {
    const hold = { ...newHold(now), expiresAt: person.holdExpiresAt };
    await db.transaction(async (tx) => {
      const [still] = await tx
        .update(registrations)
        .set({ confirmTokenHash: hold.hash })
        .where(and(eq(registrations.id, person.id), ne(registrations.status, 'cancelled'), isNotNull(registrations.holdExpiresAt)))
        .returning({ id: registrations.id });
      // Confirmed or released meanwhile: there is nothing left to confirm.
      if (!still) return;
      await enqueueMails(tx, [confirmPlaceMessage(session, person, hold, (await waitlistPosition(tx, person.id)) ?? null)]);
    });
    return;
  }
  const { workshopTitle, when } = sessionMailContext(session, session.workshopTitle);
  await db.transaction((tx) =>
    enqueueMail(tx, {
      to: person.email,
      template: 'registration-manage-link',
      props: { name: person.name, workshopTitle, when, manageUrl: manageUrlOf(person) },
      sessionId,
      registrationId: person.id,
    }),
  );
}
