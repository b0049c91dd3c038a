import { formatInstant } from '@/lib/time/zoned';
import type { TTrainerSessionDto } from './dto';

type TAllotmentFacts = Pick<TTrainerSessionDto, 'allotments' | 'allotmentsReleaseAt' | 'allotmentsReleased' | 'timeZone'>;

/** One line per agency: "Springfield PD: 10 reserved, 6 taken, 1 held, 3 free". */
export function allotmentLines(session: TAllotmentFacts): string[] {
  return session.allotments.map((a) => {
    const parts = [`${a.seats} reserved`, `${a.taken} taken`, ...(a.held ? [`${a.held} held for email confirmation`] : [])];
    if (!session.allotmentsReleased) parts.push(`${a.free} free`);
    return `${a.agencyName}: ${parts.join(', ')}`;
  });
}

/** When the reserved seats join the open pool, with its zone; empty without allotments. */
export function releaseLine(session: TAllotmentFacts): string {
  if (!session.allotmentsReleaseAt || session.allotments.length === 0) return '';
  const at = formatInstant(session.allotmentsReleaseAt, session.timeZone);
  return session.allotmentsReleased ? `Unused reserved seats were released to everyone (due ${at}).` : `Unused reserved seats are released to everyone on ${at}.`;
}
