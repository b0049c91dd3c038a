import Link from 'next/link';
import type { TRosterEntryDto } from '@/lib/registrations/queries';
import { fillText, groupRoster } from '@/lib/roster/roster';
import type { TStaffSessionDto } from '@/lib/sessions/session-staff';
import { formatSessionRange } from '@/lib/time/zoned';
import { RosterPerson } from './roster-person';

function Group({ id, title, people, timeZone, empty }: { id: string; title: string; people: TRosterEntryDto[]; timeZone: string; empty: string }) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id} className="text-xl font-semibold">
        {title} <span className="font-normal text-slate-700">({people.length})</span>
      </h2>
      {people.length === 0 ? (
        <p className="mt-2 text-slate-700">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {people.map((person) => (
            <li key={person.id}>
              <RosterPerson person={person} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The roster as a co-facilitator sees it: who is coming and what they need, to read and to take
 * attendance from; changing places, messaging and certificates stay with the trainer.
 */
export function StaffRoster({ session, entries }: { session: TStaffSessionDto; entries: TRosterEntryDto[] }) {
  const roster = groupRoster(entries);
  const where = [session.venueName, session.venueAddress].filter(Boolean).join(', ') || (session.onlineUrl ? 'Online' : 'To be announced');
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <p className="text-slate-700">You co-facilitate this session.</p>
        <h1 className="text-3xl font-bold break-words">{session.workshopTitle}</h1>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">When</dt>
          <dd>{formatSessionRange(new Date(session.startsAt), new Date(session.endsAt), session.timeZone)}</dd>
          <dt className="font-semibold">Where</dt>
          <dd className="break-words">
            {where}
            {session.onlineUrl && (
              <>
                {' · '}
                <a href={session.onlineUrl} className="break-all">
                  meeting link
                </a>
              </>
            )}
          </dd>
          <dt className="font-semibold">Fill</dt>
          <dd>{fillText(session)}</dd>
        </dl>
        {session.status === 'scheduled' ? (
          <nav aria-label="Session" className="flex flex-wrap gap-3">
            <Link href={`/trainer/sessions/${session.id}/check-in`} className="btn-primary">
              Check-in
            </Link>
          </nav>
        ) : (
          <p className="rounded-md border border-red-300 bg-red-50 p-3 font-semibold text-red-900">This session is cancelled.</p>
        )}
      </div>
      <Group id="confirmed" title="Confirmed" people={roster.confirmed} timeZone={session.timeZone} empty="Nobody is confirmed yet." />
      {roster.pendingApproval.length > 0 && (
        <Group id="pending" title="Awaiting approval" people={roster.pendingApproval} timeZone={session.timeZone} empty="" />
      )}
      <Group id="waitlist" title="Waitlist" people={roster.waitlist} timeZone={session.timeZone} empty="Nobody is waiting." />
    </div>
  );
}
