import { formatInZone } from '@/lib/time/format-in-zone';
import type { TPublicSessionDto } from '@/lib/sessions/dto';
import { formatLongDate, hasStarted, zoneAbbreviation } from '@/lib/time/zoned';

export type TAvailability = { open: true } | { open: false; reason: string };

/** "Monday 2 March 2026 at 9:00 CST": a moment in the session's own zone, zone named. */
export function formatMoment(instant: Date, timeZone: string): string {
  return `${formatLongDate(instant, timeZone)} at ${formatInZone(instant, timeZone, 'H:mm')} ${zoneAbbreviation(instant, timeZone)}`;
}

/**
 * Whether the public form is offered, and if not, why, in words. The domain refuses the same
 * cases on submit; this only spares people a form that cannot succeed.
 */
export function registrationAvailability(
  session: Pick<TPublicSessionDto, 'status' | 'startsAt' | 'timeZone' | 'registrationOpensAt' | 'registrationClosesAt'>,
  now = new Date(),
): TAvailability {
  if (session.status === 'cancelled') return { open: false, reason: 'Registration is closed because this session has been cancelled.' };
  if (hasStarted(session.startsAt, now)) return { open: false, reason: 'Registration is closed because this session has already started.' };
  const opensAt = new Date(session.registrationOpensAt);
  if (!hasStarted(opensAt, now)) {
    return { open: false, reason: `Registration opens on ${formatMoment(opensAt, session.timeZone)}.` };
  }
  const closesAt = new Date(session.registrationClosesAt);
  if (hasStarted(closesAt, now)) {
    return { open: false, reason: `Registration closed on ${formatMoment(closesAt, session.timeZone)}.` };
  }
  return { open: true };
}
