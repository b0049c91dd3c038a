import type { TTrainerSessionDto } from '@/lib/sessions/dto';
import { instantToWallTime } from '@/lib/time/zoned';

/** The name of an agency's checkbox in the session form is this and the agency's id. */
export const AGENCY_BOX = 'agencyIds.';
/** The name of an agency's reserved-seats input is this and the agency's id. */
export const ALLOTMENT_INPUT = 'allotments.';

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
  visibility: 'public' | 'unlisted' | 'agencies';
  /** With visibility `agencies`: whose officers may register. */
  agencyIds: string[];
  /** 'auto' (new sessions only): on when the session is unlisted. */
  requireEmailConfirmation: 'auto' | 'on' | 'off';
  approval: 'none' | 'coordinator' | 'trainer';
  /** Reserved seats by agency id, as text; agencies without any are left out. */
  allotments: Record<string, string>;
  /** Wall-clock text in the session's zone; empty for 7 days before the start. */
  allotmentsReleaseAt: string;
  /** Empty for no limit. */
  maxRegistrationsPerAddress: string;
  /** Hours before the start as text, or 'off'. */
  firstReminderHours: string;
  secondReminderHours: string;
  /** Co-facilitators only: the trainer who runs the session is not typed in. */
  facilitators: { name: string; email: string }[];
};

/** The value of a reminder select that turns the reminder off. */
export const REMINDER_OFF = 'off';
/** What a new session gets unless the trainer chooses otherwise: 7 days and 1 day before the start. */
export const DEFAULT_FIRST_REMINDER_HOURS = 168;
export const DEFAULT_SECOND_REMINDER_HOURS = 24;

const reminderValue = (hours: number | null) => (hours === null ? REMINDER_OFF : String(hours));

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
    agencyIds: [],
    requireEmailConfirmation: 'auto',
    approval: 'none',
    allotments: {},
    allotmentsReleaseAt: '',
    maxRegistrationsPerAddress: '10',
    firstReminderHours: String(DEFAULT_FIRST_REMINDER_HOURS),
    secondReminderHours: String(DEFAULT_SECOND_REMINDER_HOURS),
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
    agencyIds: session.forAgencies.map((agency) => agency.id),
    requireEmailConfirmation: session.requireEmailConfirmation ? 'on' : 'off',
    approval: session.approval,
    allotments: Object.fromEntries(session.allotments.map((allotment) => [allotment.agencyId, String(allotment.seats)])),
    allotmentsReleaseAt: session.allotmentsReleaseAt ? wall(session.allotmentsReleaseAt) : '',
    maxRegistrationsPerAddress: session.maxRegistrationsPerAddress === null ? '' : String(session.maxRegistrationsPerAddress),
    firstReminderHours: reminderValue(session.firstReminderHours),
    secondReminderHours: reminderValue(session.secondReminderHours),
    // The lead trainer is not typed in; the form edits the co-facilitators only.
    facilitators: session.facilitators.filter((f) => !f.lead).map(({ name, email }) => ({ name, email })),
  };
}
