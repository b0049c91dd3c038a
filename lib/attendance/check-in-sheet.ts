import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations, trainingSessions, workshops, type TAttendanceStatus } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { assertSessionStaff } from '@/lib/sessions/session-staff';
import { notFoundError } from '@/lib/errors/app-error';
import { isUuid } from '@/lib/workshops/workshops';
import { attendanceWindow, sessionHours, type TAttendanceWindow } from './rules';

/** One confirmed person as the door list shows them: no email, badge or access needs. */
export type TCheckInPersonDto = {
  id: string;
  name: string;
  agency: string;
  attendance: TAttendanceStatus | null;
  attendedHours: number | null;
  attendanceRecordedAt: string | null;
};

export type TAttendanceCounts = { confirmed: number; attended: number; absent: number; partial: number; unmarked: number };

export type TCheckInSheetDto = {
  session: {
    id: string;
    workshopTitle: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    /** The most hours anyone can have attended. */
    lengthHours: number;
  };
  window: TAttendanceWindow;
  people: TCheckInPersonDto[];
  counts: TAttendanceCounts;
};

export function countAttendance(people: readonly Pick<TCheckInPersonDto, 'attendance'>[]): TAttendanceCounts {
  const counts: TAttendanceCounts = { confirmed: people.length, attended: 0, absent: 0, partial: 0, unmarked: 0 };
  for (const person of people) counts[person.attendance ?? 'unmarked']++;
  return counts;
}

/** A session's confirmed people and their attendance, by name, for its trainer or co-facilitators at the door. */
export async function getCheckInSheet(db: Db, actor: TActor, sessionId: string, now: Date = new Date()): Promise<TCheckInSheetDto> {
  await assertSessionStaff(db, actor, sessionId);
  if (!isUuid(sessionId)) throw notFoundError('Session');
  const [session] = await db
    .select({ session: trainingSessions, workshopTitle: workshops.title })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(eq(trainingSessions.id, sessionId));
  if (!session) throw notFoundError('Session');
  const rows = await db
    .select({
      id: registrations.id,
      name: registrations.name,
      agency: registrations.agency,
      attendance: registrations.attendance,
      attendedHours: registrations.attendedHours,
      attendanceRecordedAt: registrations.attendanceRecordedAt,
    })
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), eq(registrations.status, 'confirmed')));
  const people = rows
    .map((row) => ({
      ...row,
      attendedHours: row.attendedHours === null ? null : Number(row.attendedHours),
      attendanceRecordedAt: row.attendanceRecordedAt?.toISOString() ?? null,
    }))
    // The database's collation may sort "Łukasz" after "Zoe"; people look for names as they read them.
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
  const s = session.session;
  return {
    session: {
      id: s.id,
      workshopTitle: session.workshopTitle,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      timeZone: s.timeZone,
      lengthHours: sessionHours(s),
    },
    window: attendanceWindow(s, now),
    people,
    counts: countAttendance(people),
  };
}

/** Attendance of every registration of a session, for the API's roster: `{status, hours}` or null. */
export async function attendanceOfSession(
  db: Db,
  actor: TActor,
  sessionId: string,
): Promise<Map<string, { status: TAttendanceStatus; hours: number | null }>> {
  assertTrainer(actor);
  if (!isUuid(sessionId)) return new Map();
  const rows = await db
    .select({ id: registrations.id, attendance: registrations.attendance, hours: registrations.attendedHours })
    .from(registrations)
    .where(eq(registrations.sessionId, sessionId));
  const recorded = new Map<string, { status: TAttendanceStatus; hours: number | null }>();
  for (const row of rows) {
    if (row.attendance) recorded.set(row.id, { status: row.attendance, hours: row.hours === null ? null : Number(row.hours) });
  }
  return recorded;
}
