import { allotmentLines, releaseLine } from '@/lib/sessions/allotment-text';
import { audienceLine } from '@/lib/text/names-in-prose';
import Link from 'next/link';
import { placeText } from '@/app/_components/catalogue/session-line';
import type { TTrainerSessionDto } from '@/lib/sessions/dto';
import { formatSessionRange } from '@/lib/time/zoned';

function Tag({ children, className }: { children: React.ReactNode; className: string }) {
  return <span className={`rounded border px-1.5 py-0.5 text-xs font-semibold ${className}`}>{children}</span>;
}

/** A workshop's sessions for its trainer: when (in the session's zone), where, how full, and links to the roster and the edit page. */
export function SessionList({ sessions }: { sessions: (TTrainerSessionDto & { past: boolean })[] }) {
  return (
    <ul className="divide-y divide-slate-200">
      {sessions.map((session) => {
        const when = formatSessionRange(new Date(session.startsAt), new Date(session.endsAt), session.timeZone);
        return (
          <li key={session.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="space-y-1">
              <p className="font-semibold">{when}</p>
              <p className="text-sm text-slate-700">
                {placeText(session)}
                {session.venue && session.online ? ' and online' : ''}
              </p>
              <p className="text-sm">
                {session.confirmedCount} of {session.capacity} seats taken
                {session.waitlistCount > 0 && `, ${session.waitlistCount} on the waitlist`}
              </p>
              {session.allotments.length > 0 && (
                <ul className="text-sm text-slate-700">
                  {allotmentLines(session).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                  <li>{releaseLine(session)}</li>
                </ul>
              )}
              <p className="flex flex-wrap gap-2">
                {session.partnerAgency && (
                  <Tag className="border-amber-300 bg-amber-100 text-amber-950">Joint with {session.partnerAgency.name}</Tag>
                )}
                {session.visibility === 'unlisted' && <Tag className="border-slate-400 bg-slate-100 text-slate-900">Unlisted</Tag>}
                {session.visibility === 'agencies' && (
                  <Tag className="border-sky-400 bg-sky-50 text-sky-900">{audienceLine(session.forAgencies)}</Tag>
                )}
                {session.status === 'cancelled' && <Tag className="border-red-300 bg-red-50 text-red-900">Cancelled</Tag>}
                {session.past && session.status === 'scheduled' && <Tag className="border-slate-400 bg-white text-slate-800">Past</Tag>}
              </p>
            </div>
            <div className="flex shrink-0 flex-wrap gap-2 self-start">
              <Link href={`/trainer/sessions/${session.id}`} className="btn-secondary">
                Roster<span className="sr-only"> of the session of {when}</span>
              </Link>
              <Link href={`/trainer/sessions/${session.id}/edit`} className="btn-secondary">
                Edit<span className="sr-only"> the session of {when}</span>
              </Link>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
