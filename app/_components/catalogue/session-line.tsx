import type { TPublicSessionDto } from '@/lib/sessions/dto';
import { audienceLine } from '@/lib/text/names-in-prose';
import { formatSessionRange } from '@/lib/time/zoned';

export function seatsText(session: Pick<TPublicSessionDto, 'seatsLeft' | 'capacity'>): string {
  if (session.seatsLeft === 0) return 'Full: join the waitlist';
  return session.seatsLeft === 1 ? '1 seat left' : `${session.seatsLeft} seats left`;
}

export function placeText(session: Pick<TPublicSessionDto, 'venue' | 'online'>): string {
  if (session.venue) return [session.venue.name, session.venue.address].filter(Boolean).join(', ');
  return session.online ? 'Online' : 'Place to be announced';
}

/** One session in a list: when (in its own zone, zone named), where, seats, joint partner. */
export function SessionLine({ session, linked = true }: { session: TPublicSessionDto; linked?: boolean }) {
  const when = formatSessionRange(new Date(session.startsAt), new Date(session.endsAt), session.timeZone);
  return (
    <li className="session-line">
      <div>
        {/* A plain link: dozens per page, so no client component and no prefetching of each. */}
        {linked ? (
          <a href={`/sessions/${session.id}`} className="font-semibold">
            {when}
          </a>
        ) : (
          <p className="font-semibold">{when}</p>
        )}
        <p className="meta">{placeText(session)}</p>
        {session.forAgencies.length > 0 && (
          <p className="meta">
            <span className="badge bg-sky-100 font-semibold text-sky-900">{audienceLine(session.forAgencies)}</span>
            {linked && (
              <>
                {' '}
                <a href={`/sessions/${session.id}`}>
                  Members register here<span className="sr-only">, {when}</span>
                </a>
              </>
            )}
          </p>
        )}
        {session.partnerAgency && (
          <p className="meta">
            <span className="badge bg-amber-100 font-semibold text-amber-900">Joint session</span>{' '}
            with {session.partnerAgency.name}
          </p>
        )}
      </div>
      <p className={session.seatsLeft === 0 ? 'meta font-semibold text-amber-800' : 'meta font-semibold text-green-800'}>{seatsText(session)}</p>
    </li>
  );
}
