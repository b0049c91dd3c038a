import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions, type TAttendanceStatus } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { forbiddenError, notFoundError, parseInput, unauthorizedError } from '@/lib/errors/app-error';
import { assertSessionStaff } from '@/lib/sessions/session-staff';
import { recordAudit } from '@/lib/audit/record';
import { isUuid } from '@/lib/workshops/workshops';
import { ZAttendanceInput } from './schemas';
import { assertAttendanceOpen, assertConfirmedPlace, assertHoursFit } from './rules';

export { checkInUrlFor } from './check-in-link';

/** A registration's attendance as it is after recording. */
export type TAttendanceDto = {
  id: string;
  sessionId: string;
  name: string;
  attendance: TAttendanceStatus | null;
  /** Set for `partial` only. */
  attendedHours: number | null;
  attendanceRecordedAt: string | null;
};

export type TRecordAttendanceResult = {
  /** False when the registration already had exactly this attendance: nothing was written. */
  changed: boolean;
  registration: TAttendanceDto;
};

function toDto(row: typeof registrations.$inferSelect): TAttendanceDto {
  return {
    id: row.id,
    sessionId: row.sessionId,
    name: row.name,
    attendance: row.attendance,
    attendedHours: row.attendedHours === null ? null : Number(row.attendedHours),
    attendanceRecordedAt: row.attendanceRecordedAt?.toISOString() ?? null,
  };
}

/** 404 for an id that is no registration: a route answers that before it complains about a body. */
export async function assertRegistrationExists(db: Db, registrationId: string): Promise<void> {
  if (!isUuid(registrationId)) throw notFoundError('Registration');
  const [row] = await db.select({ id: registrations.id }).from(registrations).where(eq(registrations.id, registrationId));
  if (!row) throw notFoundError('Registration');
}

/**
 * Records whether a confirmed person attended, from the session's start until the roster is
 * closed. Hours are kept for `partial` only: `attended` earns the workshop's credit hours, so
 * hours sent with it (or with `absent`) are dropped rather than stored to mislead later.
 *
 * The session row is locked for share before the registration is locked for update: closing the
 * roster locks the session row first too, so both take their locks in the same order (no
 * deadlock), and no recording slips in between the issuer reading attendance and committing.
 */
export async function recordAttendance(
  db: Db,
  actor: TActor,
  registrationId: string,
  /** A TAttendanceInput; anything else is refused with field messages (422). */
  input: unknown,
  now: Date = new Date(),
): Promise<TRecordAttendanceResult> {
  if (!actor) throw unauthorizedError();
  // Only a trainer learns that an id is no registration; anyone else is refused either way.
  const missing = () => (actor.role === 'trainer' ? notFoundError('Registration') : forbiddenError());
  if (!isUuid(registrationId)) throw missing();

  return db.transaction(async (tx) => {
    const [ref] = await tx.select({ sessionId: registrations.sessionId }).from(registrations).where(eq(registrations.id, registrationId));
    // An unknown registration is a 404 whatever the input, as on every route with an id.
    if (!ref) throw missing();
    await assertSessionStaff(tx, actor, ref.sessionId);
    const data = parseInput(ZAttendanceInput, input);
    const hours = data.status === 'partial' ? (data.hours ?? null) : null;
    const [session] = await tx
      .select({
        startsAt: trainingSessions.startsAt,
        endsAt: trainingSessions.endsAt,
        timeZone: trainingSessions.timeZone,
        status: trainingSessions.status,
        rosterClosedAt: trainingSessions.rosterClosedAt,
      })
      .from(trainingSessions)
      .where(eq(trainingSessions.id, ref.sessionId))
      .for('share');
    const [current] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for('update');
    if (!session || !current) throw notFoundError('Registration');

    assertConfirmedPlace(current.status);
    assertAttendanceOpen(session, now);
    if (data.status === 'partial') assertHoursFit(hours, session);

    const storedHours = current.attendedHours === null ? null : Number(current.attendedHours);
    if (current.attendance === data.status && storedHours === hours) return { changed: false, registration: toDto(current) };

    const [updated] = await tx
      .update(registrations)
      .set({ attendance: data.status, attendedHours: hours, attendanceRecordedAt: now, attendanceRecordedBy: actor.id, updatedAt: now })
      .where(eq(registrations.id, registrationId))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'attendance.recorded',
      subjectType: 'registration',
      subjectId: registrationId,
      sessionId: ref.sessionId,
      registrationId,
      personEmail: current.email,
      details: { from: current.attendance, to: data.status, hours },
    });
    return { changed: true, registration: toDto(updated!) };
  });
}
