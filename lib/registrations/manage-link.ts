import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations } from '@/db/schema';
import { enqueueMail } from '@/lib/mail/enqueue';
import { hitRateLimit } from '@/lib/rate-limit/rate-limit';
import { isUuid } from '@/lib/workshops/workshops';
import { sessionMailContext } from './mail';
import { manageUrlOf } from './messages';
import { loadPlaceSession } from './place-session';
import { ZRegistrationInput } from './schemas';

/**
 * Sends the manage link of an active place to its own address. It says nothing to the caller
 * either way, so nobody learns from it who is registered; the email goes only to the owner.
 */
export async function emailManageLink(db: Db, sessionId: string, email: string): Promise<void> {
  const parsed = ZRegistrationInput.shape.email.safeParse(email);
  if (!parsed.success || !isUuid(sessionId)) return;
  const [person] = await db
    .select({ id: registrations.id, name: registrations.name, email: registrations.email })
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), eq(registrations.email, parsed.data), ne(registrations.status, 'cancelled')));
  if (!person) return;
  // However often the button is pressed, the owner's inbox gets a handful of these an hour.
  const hit = await hitRateLimit(db, `manage-link:${person.id}`, { limit: 3, windowMs: 3_600_000 });
  if (!hit.allowed) return;
  const session = await loadPlaceSession(db, sessionId);
  if (!session) return;
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
