import 'server-only';
import { recordStaffRead } from '@/lib/audit/staff-reads';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions, workshops, type TAttendanceStatus } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors/app-error';
import { staffRoleIn } from '@/lib/sessions/session-staff';
import { formatSessionRange } from '@/lib/time/zoned';
import { registrationIdFromCheckInToken } from './check-in-link';
import { recordAttendance } from './record';

type TWho = {
  name: string;
  sessionId: string;
  workshopTitle: string;
  /** The session's dates, its zone named. */
  when: string;
  timeZone: string;
};

export type TCheckInOutcome =
  /** Not a token Muster made, or the registration is gone. */
  | { kind: 'not_found' }
  /** A valid code opened by someone who is not the session's staff: they learn nothing about it. */
  | { kind: 'not_trainer' }
  | (TWho & { kind: 'marked'; previous: TAttendanceStatus | null; recordedAt: string })
  | (TWho & { kind: 'unchanged'; recordedAt: string | null })
  /** Nothing written: the trainer is shown the person and a button to mark them attended. */
  | (TWho & { kind: 'ask'; attendance: TAttendanceStatus | null })
  | (TWho & { kind: 'refused'; code: string; message: string });

/**
 * How the link was used:
 * - `scan`: opened directly (a camera, the address bar, a Muster page): marks an unmarked person
 *   attended, so one scan is enough, but never overwrites an absent or partial record;
 * - `look`: opened from another site, which could have sent a trainer there on purpose: writes nothing;
 * - `mark`: the trainer pressed "Mark attended" on the page (a POST): marks attended whatever was recorded.
 */
export type TCheckInIntent = 'scan' | 'look' | 'mark';

/**
 * A browser says where a navigation came from. `none` is a camera scan, a typed or pasted address,
 * a bookmark; `same-origin` is a Muster page. A link on another site (or a browser that does not
 * say) only shows the person, so no page elsewhere can have a trainer's browser mark attendance.
 */
export function intentForOpening(secFetchSite: string | null): TCheckInIntent {
  return secFetchSite === 'none' || secFetchSite === 'same-origin' ? 'scan' : 'look';
}

/**
 * A trainer, or a co-facilitator of the registration's session. Anyone else is told the same
 * whether the registration exists or not.
 */
async function mayTakeAttendance(db: Db, actor: NonNullable<TActor>, registrationId: string): Promise<boolean> {
  if (actor.role === 'trainer') return true;
  const [ref] = await db.select({ sessionId: registrations.sessionId }).from(registrations).where(eq(registrations.id, registrationId));
  return ref !== undefined && (await staffRoleIn(db, actor, ref.sessionId)) !== null;
}

/**
 * What using a check-in link does. Opening it again changes nothing. Anyone but the session's
 * staff is told nothing: the token is checked (a forged one is a 404), nothing about the person.
 */
export async function checkInByToken(
  db: Db,
  actor: TActor,
  token: string,
  intent: TCheckInIntent,
  now: Date = new Date(),
): Promise<TCheckInOutcome> {
  const registrationId = registrationIdFromCheckInToken(token);
  if (!registrationId) return { kind: 'not_found' };
  if (!actor || !(await mayTakeAttendance(db, actor, registrationId))) return { kind: 'not_trainer' };

  const [row] = await db
    .select({
      name: registrations.name,
      email: registrations.email,
      sessionId: registrations.sessionId,
      attendance: registrations.attendance,
      workshopTitle: workshops.title,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
      timeZone: trainingSessions.timeZone,
    })
    .from(registrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, registrations.sessionId))
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(eq(registrations.id, registrationId));
  if (!row) return { kind: 'not_found' };

  const who: TWho = {
    name: row.name,
    sessionId: row.sessionId,
    workshopTitle: row.workshopTitle,
    when: formatSessionRange(row.startsAt, row.endsAt, row.timeZone),
    timeZone: row.timeZone,
  };
  if (row.attendance !== 'attended' && (intent === 'look' || (intent === 'scan' && row.attendance !== null))) {
    // Shown, not marked: the look itself is recorded (a marking is, as the attendance change).
    await recordStaffRead(db, actor, { action: 'check_in.person_viewed', sessionId: row.sessionId, registrationId, personEmail: row.email });
    return { ...who, kind: 'ask', attendance: row.attendance };
  }
  try {
    const { changed, registration } = await recordAttendance(db, actor, registrationId, { status: 'attended' }, now);
    if (!changed) return { ...who, kind: 'unchanged', recordedAt: registration.attendanceRecordedAt };
    return { ...who, kind: 'marked', previous: row.attendance, recordedAt: registration.attendanceRecordedAt! };
  } catch (error) {
    if (error instanceof AppError && error.status === 409) return { ...who, kind: 'refused', code: error.code, message: error.message };
    throw error;
  }
}
