import { Fragment, type ReactNode } from 'react';
import type { TRosterEntryDto } from '@/lib/registrations/queries';
import { formatInstant } from '@/lib/roster/roster';

/** Confirmed well after registering: they came off the waitlist, which is worth seeing. */
function movedUpLater(createdAt: string, confirmedAt: string): boolean {
  return Date.parse(confirmedAt) - Date.parse(createdAt) > 60_000;
}

/** One person on the roster: who they are, what they need, when they registered, and what can be done. */
export function RosterPerson({
  person,
  timeZone,
  actions,
  attendance,
}: {
  person: TRosterEntryDto;
  timeZone: string;
  actions?: ReactNode;
  /** For confirmed people: what was recorded at the door. */
  attendance?: string;
}) {
  const details: [string, string][] = [
    ['Agency (as given)', person.agencyAsGiven],
    ['Badge or staff number', person.badgeNumber],
    ['Role or rank', person.role],
  ];
  const given = details.filter(([, value]) => value);
  return (
    <div className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-1">
        <p className="font-semibold break-words">
          {person.waitlistPosition !== null && <span className="mr-2 text-slate-700">#{person.waitlistPosition}</span>}
          {person.name}
        </p>
        <p className="break-all">
          <a href={`mailto:${person.email}`}>{person.email}</a>
        </p>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {given.map(([label, value]) => (
            <Fragment key={label}>
              <dt className="text-slate-700">{label}</dt>
              <dd className="break-words">{value}</dd>
            </Fragment>
          ))}
          <dt className="text-slate-700">Registered</dt>
          <dd>{formatInstant(person.createdAt, timeZone)}</dd>
          {person.status === 'confirmed' && person.confirmedAt && movedUpLater(person.createdAt, person.confirmedAt) && (
            <>
              <dt className="text-slate-700">Confirmed</dt>
              <dd>{formatInstant(person.confirmedAt, timeZone)}</dd>
            </>
          )}
          {person.awaitingEmailUntil && (
            <>
              <dt className="text-slate-700">Not yet confirmed</dt>
              <dd>Held until {formatInstant(person.awaitingEmailUntil, timeZone)} for the registrant to confirm from their email; released after that.</dd>
            </>
          )}
          {attendance && (
            <>
              <dt className="text-slate-700">Attendance</dt>
              <dd>{attendance}</dd>
            </>
          )}
          {person.cancelledAt && (
            <>
              <dt className="text-slate-700">Cancelled</dt>
              <dd>{formatInstant(person.cancelledAt, timeZone)}</dd>
            </>
          )}
        </dl>
        {person.accessNeeds && (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
            <p className="font-semibold">Access needs</p>
            <p className="whitespace-pre-wrap break-words">{person.accessNeeds}</p>
          </div>
        )}
      </div>
      {actions && <div className="flex shrink-0 flex-col gap-2 sm:items-end">{actions}</div>}
    </div>
  );
}
