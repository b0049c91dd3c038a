import type { TTrainerSessionDto } from '@/lib/sessions/dto';
import { instantToWallTime } from '@/lib/time/zoned';

/** A session as the form shows it: inputs by name, times as wall-clock text in the session's zone. */
export type TSessionFormValues = {
  timeZone: string;
  startsAt: string;
  endsAt: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  capacity: string;
  minEnrolment: string;
  'venue.name': string;
  'venue.address': string;
  'venue.directions': string;
  'venue.accessibility': string;
  onlineUrl: string;
  partnerAgencyId: string;
  visibility: 'public' | 'unlisted';
  /** Co-facilitators only: the trainer who runs the session is not typed in. */
  facilitators: { name: string; email: string }[];
};

export function newSessionFormValues(timeZone: string): TSessionFormValues {
  return {
    timeZone,
    startsAt: '',
    endsAt: '',
    registrationOpensAt: '',
    registrationClosesAt: '',
    capacity: '',
    minEnrolment: '',
    'venue.name': '',
    'venue.address': '',
    'venue.directions': '',
    'venue.accessibility': '',
    onlineUrl: '',
    partnerAgencyId: '',
    visibility: 'public',
    facilitators: [],
  };
}

export function sessionFormValues(session: TTrainerSessionDto): TSessionFormValues {
  const wall = (instant: string) => instantToWallTime(new Date(instant), session.timeZone);
  return {
    timeZone: session.timeZone,
    startsAt: wall(session.startsAt),
    endsAt: wall(session.endsAt),
    registrationOpensAt: wall(session.registrationOpensAt),
    registrationClosesAt: wall(session.registrationClosesAt),
    capacity: String(session.capacity),
    minEnrolment: session.minEnrolment === null ? '' : String(session.minEnrolment),
    'venue.name': session.venue?.name ?? '',
    'venue.address': session.venue?.address ?? '',
    'venue.directions': session.venue?.directions ?? '',
    'venue.accessibility': session.venue?.accessibility ?? '',
    onlineUrl: session.onlineUrl ?? '',
    partnerAgencyId: session.partnerAgency?.id ?? '',
    visibility: session.visibility,
    // The lead trainer is not typed in; the form edits the co-facilitators only.
    facilitators: session.facilitators.filter((f) => !f.lead).map(({ name, email }) => ({ name, email })),
  };
}
