import type { TAgencyUpcomingSession } from '@/lib/agencies/agency-sessions';

const OPEN_AS: Record<TAgencyUpcomingSession['openAs'], string> = {
  joint: 'Joint session',
  for_agencies: 'For your officers and other agencies’',
  public: 'Public',
};

function allotmentText(session: TAgencyUpcomingSession): string {
  const a = session.allotment;
  if (!a) return 'None reserved';
  const held = a.held ? `, ${a.held} held for email confirmation` : '';
  if (session.released) return `${a.seats} reserved, ${a.taken} taken${held}; the rest released on ${session.releasesAt}`;
  return `${a.seats} reserved: ${a.taken} taken${held}, ${a.free} free until ${session.releasesAt}`;
}

/** Upcoming sessions open to the agency, with its reserved seats and how many of its officers have places. */
export function UpcomingSessions({ sessions, agencyName }: { sessions: TAgencyUpcomingSession[]; agencyName: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left">
        <caption className="sr-only">Upcoming sessions open to {agencyName}’s officers, with the seats reserved for them</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-2 pr-4">Session</th>
            <th scope="col" className="py-2 pr-4">Open as</th>
            <th scope="col" className="py-2 pr-4">Seats reserved for {agencyName}</th>
            <th scope="col" className="py-2">Your officers</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.sessionId} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-4">
                {/* Plain links: up to 50 per page, so no client component and no prefetching of each. */}
                <a href={`/sessions/${session.sessionId}`}>{session.workshopTitle}</a>
                <span className="block text-sm text-slate-700">{session.when}</span>
              </td>
              <td className="py-2 pr-4">{OPEN_AS[session.openAs]}</td>
              <td className="py-2 pr-4">{allotmentText(session)}</td>
              <td className="py-2">
                {session.booked} booked{session.waitlisted > 0 && `, ${session.waitlisted} on the waitlist`}
                <a href={`/agency/sessions/${session.sessionId}`} className="block">
                  Register officers<span className="sr-only"> for {session.workshopTitle}, {session.when}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
