import Link from 'next/link';
import type { TCoFacilitatedSession } from '@/lib/sessions/session-staff';

/** Sessions that list the signed-in person as a co-facilitator: their way to the roster and the door list. */
export function CoFacilitatedSessions({ sessions }: { sessions: TCoFacilitatedSession[] }) {
  return (
    <section aria-labelledby="co-facilitating" className="card space-y-3">
      <h2 id="co-facilitating" className="text-xl font-semibold">
        Sessions you co-facilitate
      </h2>
      <ul className="divide-y divide-slate-200">
        {sessions.map((session) => (
          <li key={session.sessionId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <p className="font-semibold break-words">{session.workshopTitle}</p>
              <p className="text-slate-700">
                {session.when}
                {session.cancelled && ' · cancelled'}
              </p>
            </div>
            <div className="flex flex-wrap gap-3">
              <Link href={`/trainer/sessions/${session.sessionId}`} className="btn-secondary">
                Roster<span className="sr-only">: {session.workshopTitle}, {session.when}</span>
              </Link>
              {!session.cancelled && (
                <Link href={`/trainer/sessions/${session.sessionId}/check-in`} className="btn-secondary">
                  Check-in<span className="sr-only">: {session.workshopTitle}, {session.when}</span>
                </Link>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
