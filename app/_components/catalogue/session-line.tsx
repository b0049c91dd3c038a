import Link from 'next/link';
import type { TPublicSessionDto } from '@/lib/sessions/dto';
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
export function SessionLine({ session }: { session: TPublicSessionDto }) {
  return (
    <li className="flex flex-col gap-1 border-t border-slate-200 py-3 first:border-t-0 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <Link href={`/sessions/${session.id}`} className="font-semibold">
          {formatSessionRange(new Date(session.startsAt), new Date(session.endsAt), session.timeZone)}
        </Link>
        <p className="text-sm text-slate-700">{placeText(session)}</p>
        {session.partnerAgency && (
          <p className="text-sm text-slate-700">
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">Joint session</span>{' '}
            with {session.partnerAgency.name}
          </p>
        )}
      </div>
      <p className={`text-sm font-semibold ${session.seatsLeft === 0 ? 'text-amber-800' : 'text-green-800'}`}>{seatsText(session)}</p>
    </li>
  );
}
