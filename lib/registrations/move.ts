import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations } from '@/db/schema';
import { AppError, notFoundError } from '@/lib/errors/app-error';
import { assertInAudience } from '@/lib/sessions/audience';
import { isUuid } from '@/lib/workshops/workshops';
import { cancelLocked, sessionOfRegistration, type TCancelBy } from './cancel';
import { isUniqueViolation } from '@/lib/errors/database-fault';
import { loadPlaceSession } from './place-session';
import { ACTIVE_EMAIL_INDEX } from '@/db/schema';
import { insertRegistration, type TRegistrationResult } from './new-registration';
import { alreadyRegisteredError, registrationClosedError, sessionCancelledError } from './registration-errors';
import { checkAddressLimit, takePlace } from './seating';

/**
 * Moves a place to another session of the same workshop, in one transaction: a new registration
 * there (confirmed, or waitlisted when full, by the usual rules) and the old one cancelled, with
 * its invite withdrawn and its seat passed to the waitlist. The new place has a new invite UID.
 */
export async function moveRegistration(
  db: Db,
  registrationId: string,
  by: TCancelBy,
  targetSessionId: string,
  options: { now?: Date } = {},
): Promise<TRegistrationResult> {
  const now = options.now ?? new Date();
  const fromSessionId = await sessionOfRegistration(db, registrationId, by);
  if (!isUuid(targetSessionId)) throw notFoundError('Session');
  if (targetSessionId === fromSessionId) throw new AppError('same_session', 'You already have a place in this session.', 409);
  const [from, to] = await Promise.all([loadPlaceSession(db, fromSessionId), loadPlaceSession(db, targetSessionId)]);
  if (!from || !to || to.workshopStatus !== 'published') throw notFoundError('Session');
  if (to.workshopSlug !== from.workshopSlug) {
    throw new AppError('different_workshop', 'You can only move to another session of the same workshop.', 409);
  }
  if (to.status === 'cancelled') throw sessionCancelledError();
  const isTrainer = 'actor' in by;
  const inWindow = now >= to.registrationOpensAt && now < to.registrationClosesAt && now < to.startsAt;
  if (!inWindow && !isTrainer) throw registrationClosedError();

  try {
    return await db.transaction(async (tx) => {
      // Both sessions are locked in one order (by id) so two opposite moves cannot deadlock.
      const [first, second] = [fromSessionId, targetSessionId].sort();
      const locked = new Map<string, NonNullable<Awaited<ReturnType<typeof loadPlaceSession>>>>();
      for (const id of [first!, second!]) {
        const row = await loadPlaceSession(tx, id, { lock: true });
        if (!row) throw notFoundError('Session');
        locked.set(id, row);
      }
      const [person] = await tx
        .select()
        .from(registrations)
        .where(and(eq(registrations.id, registrationId), ne(registrations.status, 'cancelled')))
        .for('update');
      if (!person) throw new AppError('registration_cancelled', 'This registration has been cancelled.', 409);
      if (person.holdExpiresAt) throw new AppError('not_confirmed', 'Confirm this place from its email before moving it.', 409);
      if (!isTrainer) await assertInAudience(tx, targetSessionId, person.email);
      const place = await takePlace(tx, locked.get(targetSessionId)!, { email: person.email, overbook: false, now });
      if (!place) throw sessionCancelledError();
      // The place keeps the address it came from, so moving is no way round the target's limit.
      const clientKey = person.clientKey ?? undefined;
      if (!isTrainer) await checkAddressLimit(tx, targetSessionId, place.session.maxRegistrationsPerAddress, clientKey);
      const moved = await insertRegistration(
        tx,
        locked.get(targetSessionId)!,
        targetSessionId,
        { name: person.name, email: person.email, agency: person.agency, badgeNumber: person.badgeNumber, role: person.role, accessNeeds: person.accessNeeds },
        place,
        'moved',
        now,
        { clientKey },
      );
      await cancelLocked(tx, locked.get(fromSessionId)!, registrationId, isTrainer ? 'trainer' : 'self', { moving: true, now });
      return moved;
    });
  } catch (error) {
    if (isUniqueViolation(error, ACTIVE_EMAIL_INDEX)) throw alreadyRegisteredError();
    throw error;
  }
}
