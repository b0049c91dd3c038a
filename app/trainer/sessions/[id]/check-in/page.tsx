import type { Metadata } from 'next';
import Link from 'next/link';
import { formatInZone } from '@/lib/time/format-in-zone';
import { requireSessionStaff } from '@/app/_auth/require-session-staff';
import { orNotFound } from '@/app/trainer/_components/or-not-found';
import { getDb } from '@/db';
import { recordStaffRead } from '@/lib/audit/staff-reads';
import { listAgencySuggestions } from '@/lib/agencies/agencies';
import { getCheckInSheet, type TCheckInSheetDto } from '@/lib/attendance/check-in-sheet';
import { formatInstant } from '@/lib/roster/roster';
import { formatSessionRange, zoneAbbreviation } from '@/lib/time/zoned';
import { AttendanceCounts } from './_components/attendance-counts';
import { CheckInList } from './_components/check-in-list';
import type { TCheckInPerson } from './_components/check-in-row';
import { WalkInForm } from './_components/walk-in-form';
import { addWalkInAction, markAttendanceAction } from './actions';

export const metadata: Metadata = { title: 'Check-in' };

type TProps = { params: Promise<{ id: string }> };

/** "9:05 CST" on the day of the session, with the date when it was recorded on another day. */
function recordedAtText(recordedAt: string | null, sheet: TCheckInSheetDto): string | null {
  if (!recordedAt) return null;
  const { timeZone, startsAt } = sheet.session;
  const at = new Date(recordedAt);
  const sameDay = formatInZone(at, timeZone, 'yyyy-MM-dd') === formatInZone(new Date(startsAt), timeZone, 'yyyy-MM-dd');
  return sameDay ? `${formatInZone(at, timeZone, 'H:mm')} ${zoneAbbreviation(at, timeZone)}` : formatInstant(at, timeZone);
}

function WindowNotice({ sheet }: { sheet: TCheckInSheetDto }) {
  const { window, session } = sheet;
  if (window.state === 'open') return null;
  const text =
    window.state === 'not_yet'
      ? `Attendance opens when the session starts, on ${formatInstant(window.opensAt, session.timeZone)}. Until then the list is for reading only.`
      : window.state === 'closed'
        ? `The roster was closed on ${formatInstant(window.closedAt, session.timeZone)}: attendance is final and can no longer change.`
        : 'This session is cancelled: there is no attendance to take.';
  return <p className="rounded-md border border-amber-300 bg-amber-50 p-3 font-semibold text-amber-950">{text}</p>;
}

export default async function CheckInPage({ params }: TProps) {
  const { id } = await params;
  const { actor, role } = await requireSessionStaff(id, `/trainer/sessions/${encodeURIComponent(id)}/check-in`);
  const db = await getDb();
  const sheet = await orNotFound(getCheckInSheet(db, actor, id));
  await recordStaffRead(db, actor, { action: 'check_in.viewed', sessionId: sheet.session.id, people: sheet.people.length });
  const open = sheet.window.state === 'open';
  // Adding a person changes who is coming: that stays with the trainer.
  const walkIns = open && role === 'trainer';
  const agencies = walkIns ? await listAgencySuggestions(db, actor, sheet.session.id) : [];
  const { session } = sheet;
  const people: TCheckInPerson[] = sheet.people.map((person) => ({
    id: person.id,
    name: person.name,
    agency: person.agency,
    attendance: person.attendance,
    attendedHours: person.attendedHours,
    recordedAtText: recordedAtText(person.attendanceRecordedAt, sheet),
  }));

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p>
          <Link href={`/trainer/sessions/${session.id}`}>Back to the roster</Link>
        </p>
        <h1 className="text-3xl font-bold break-words">Check-in: {session.workshopTitle}</h1>
        <p className="text-slate-700">{formatSessionRange(new Date(session.startsAt), new Date(session.endsAt), session.timeZone)}</p>
      </div>

      <AttendanceCounts counts={sheet.counts} />
      <WindowNotice sheet={sheet} />

      <section aria-labelledby="people" className="card space-y-3 p-4 sm:p-6">
        <h2 id="people" className="text-xl font-semibold">
          Confirmed people
        </h2>
        {people.length === 0 ? (
          <p className="text-slate-700">Nobody is confirmed for this session.</p>
        ) : (
          <CheckInList people={people} editable={open} maxHours={session.lengthHours} action={markAttendanceAction} />
        )}
      </section>

      {walkIns && (
        <section aria-labelledby="walk-in" className="card space-y-3 p-4 sm:p-6">
          <h2 id="walk-in" className="text-xl font-semibold">
            Add a walk-in
          </h2>
          <p className="text-slate-700">
            Someone here without a place: they are confirmed (over capacity if the session is full), marked attended, and emailed their
            confirmation.
          </p>
          <WalkInForm action={addWalkInAction.bind(null, session.id)} agencies={agencies.map((agency) => agency.name)} />
        </section>
      )}
    </div>
  );
}
