import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { AppError, notFoundError } from '@/lib/errors/app-error';
import { isUuid } from '@/lib/workshops/workshops';
import { promoteChosen } from './seating';
import { loadPlaceSession } from './place-session';

export { sessionFullError } from './seating';

/**
 * A trainer confirms a chosen person from the waitlist, out of turn. Without `overbook` there must
 * be a free seat; with it the session goes over capacity deliberately.
 */
export async function promoteRegistration(
  db: Db,
  actor: TActor,
  registrationId: string,
  options: { overbook?: boolean; now?: Date } = {},
): Promise<void> {
  assertTrainer(actor);
  if (!isUuid(registrationId)) throw notFoundError('Registration');
  const [found] = await db.select({ sessionId: registrations.sessionId }).from(registrations).where(eq(registrations.id, registrationId));
  if (!found) throw notFoundError('Registration');
  await db.transaction(async (tx) => {
    const session = await loadPlaceSession(tx, found.sessionId, { lock: true });
    if (!session) throw notFoundError('Registration');
    if (session.status !== 'scheduled') throw new AppError('session_cancelled', 'This session has been cancelled.', 409);
    const promoted = await promoteChosen(tx, session, registrationId, options.now ?? new Date(), Boolean(options.overbook));
    if (!promoted) throw new AppError('not_waitlisted', 'This person is not on the waitlist any more.', 409);
  });
}
