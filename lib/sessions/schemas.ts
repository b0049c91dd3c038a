import { eachAddressOnce } from '@/lib/text/each-address-once';
import { z } from 'zod';
import { isValidTimeZone } from '@/lib/time/zoned';

const instant = (label: string) =>
  z.iso
    .datetime({ offset: true, error: `${label}: use an ISO 8601 date and time, like 2026-03-03T15:00:00Z.` })
    .transform((value) => new Date(value))
    // PostgreSQL refuses year 0 and the far future; no training happens outside these years.
    .refine((date) => date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 2100, `${label}: use a date between 2000 and 2100.`);

const reminderHours = (label: string) =>
  z
    .number({ error: `${label}: enter a number of hours before the start, or turn it off.` })
    .int(`${label}: enter a whole number of hours.`)
    .min(1, `${label}: at least 1 hour before the start.`)
    .max(24 * 60, `${label}: at most 60 days before the start.`)
    .nullable();

export const ZVenue = z.object({
  name: z.string().trim().min(1, 'Give the venue a name.').max(200, 'The venue name can be at most 200 characters.'),
  address: z.string().trim().max(500, 'The address can be at most 500 characters.').default(''),
  directions: z.string().trim().max(2000, 'Directions can be at most 2000 characters.').default(''),
  accessibility: z.string().trim().max(2000, 'Accessibility notes can be at most 2000 characters.').default(''),
});

export const ZFacilitator = z.object({
  name: z.string().trim().min(1, 'Give each co-facilitator a name.').max(200),
  email: z.union([z.literal(''), z.email('Enter a complete email address for the co-facilitator.')]).default(''),
});

/** A session's fields as the API sends them (instants in ISO 8601); optional for a change. */
export const ZSessionFields = z.object({
  startsAt: instant('Start'),
  endsAt: instant('End'),
  timeZone: z.string().trim().refine(isValidTimeZone, 'Choose a known time zone, like America/Chicago.'),
  capacity: z
    .number({ error: 'Enter the number of seats.' })
    .int('Enter a whole number of seats.')
    .min(1, 'Capacity must be at least 1.')
    .max(10_000, 'Capacity can be at most 10,000.'),
  venue: ZVenue.nullable(),
  onlineUrl: z
    .url({ protocol: /^https?$/, error: 'Enter a meeting link that starts with http:// or https://.' })
    .max(2000)
    .nullable(),
  registrationOpensAt: instant('Registration opens'),
  registrationClosesAt: instant('Registration closes'),
  partnerAgencyId: z.uuid('Choose a partner agency from the list.').nullable(),
  minEnrolment: z.number().int('Enter a whole number.').min(1, 'Minimum enrolment must be at least 1.').nullable(),
  visibility: z.enum(['public', 'unlisted', 'agencies'], { error: 'Visibility is public, unlisted or agencies.' }),
  /** With visibility `agencies`: the agencies whose members may register. */
  agencyIds: z.array(z.uuid('Choose the agencies from the list.')).max(50, 'At most 50 agencies.'),
  /** Seats kept for each agency's members until `allotmentsReleaseAt`; the rest are open. */
  allotments: z
    .array(
      z.object({
        agencyId: z.uuid('Choose the agencies from the list.'),
        seats: z
          .number({ error: 'Enter a number of seats for each agency.' })
          .int('Enter a whole number of seats for each agency.')
          .min(1, 'Reserve at least 1 seat for an agency, or leave it out.')
          .max(10_000, 'At most 10,000 seats.'),
      }),
    )
    .max(50, 'At most 50 agencies.'),
  /** When unused reserved seats join the open pool; null or absent for 7 days before the start (a change keeps the saved one when absent). */
  allotmentsReleaseAt: instant('Release reserved seats').nullable(),
  facilitators: z
    .array(ZFacilitator)
    .max(10, 'At most 10 co-facilitators.')
    // Each address is one person with one calendar event: listed twice, they would get two.
    .superRefine(eachAddressOnce((email) => `${email} is listed already.`)),
  /** Who approves a self-registration before its place is confirmed; nominations and trainers' registrations need none. */
  approval: z.enum(['none', 'coordinator', 'trainer'], { error: 'Approval is none, coordinator or trainer.' }),
  /** Places are held until the registrant's email confirms them. Default: on for unlisted sessions. */
  requireEmailConfirmation: z.boolean({ error: 'Confirm by email is true or false.' }),
  /** Active registrations one client address may hold; null for no limit. Default 10. */
  maxRegistrationsPerAddress: z
    .number({ error: 'Enter how many people may register from one network, or leave it empty for no limit.' })
    .int('Enter a whole number of people.')
    .min(1, 'Allow at least 1 registration per network, or leave it empty for no limit.')
    .max(10_000, 'At most 10,000 per network.')
    .nullable(),
  /** Hours before the start; null turns that reminder off. Defaults: 7 days and 1 day. */
  firstReminderHours: reminderHours('First reminder'),
  secondReminderHours: reminderHours('Second reminder'),
});

export const ZSessionCreate = ZSessionFields.partial().required({
  startsAt: true,
  endsAt: true,
  timeZone: true,
  capacity: true,
});
export const ZSessionPatch = ZSessionFields.partial().extend({
  status: z.enum(['scheduled', 'cancelled'], { error: 'Status is scheduled or cancelled.' }).optional(),
  /** Sent to everyone registered when this change cancels the session. */
  cancellationMessage: z.string().trim().max(2000, 'The message can be at most 2000 characters.').optional(),
});

export type TSessionCreate = z.infer<typeof ZSessionCreate>;
export type TSessionPatch = z.infer<typeof ZSessionPatch>;

/** Rules across fields, checked on the merged result of a creation or a change. */
export function sessionRuleErrors(s: {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  venueName: string;
  onlineUrl: string | null;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  minEnrolment: number | null;
  confirmedCount?: number;
  firstReminderHours?: number | null;
  secondReminderHours?: number | null;
  visibility?: string;
  agencyCount?: number;
  allotments?: readonly { agencyId: string; seats: number }[];
  allotmentsReleaseAt?: Date | null;
}): Record<string, string> {
  const fields: Record<string, string> = {};
  if (s.endsAt.getTime() <= s.startsAt.getTime()) fields.endsAt = 'The session must end after it starts.';
  if (s.registrationClosesAt.getTime() <= s.registrationOpensAt.getTime()) {
    fields.registrationClosesAt = 'Registration must close after it opens.';
  }
  if (!s.venueName && !s.onlineUrl) fields.venue = 'Give a venue, or an online meeting link.';
  if (s.minEnrolment !== null && s.minEnrolment > s.capacity) {
    fields.minEnrolment = 'The minimum enrolment cannot be more than the capacity.';
  }
  if (typeof s.firstReminderHours === 'number' && typeof s.secondReminderHours === 'number' && s.secondReminderHours >= s.firstReminderHours) {
    fields.secondReminderHours = 'The second reminder must come closer to the start than the first. Choose a shorter time, or turn it off.';
  }
  if (s.visibility === 'agencies' && s.agencyCount === 0) fields.agencyIds = 'Choose at least one agency whose officers may register.';
  const reserved = (s.allotments ?? []).reduce((sum, allotment) => sum + allotment.seats, 0);
  if (new Set((s.allotments ?? []).map((allotment) => allotment.agencyId)).size < (s.allotments ?? []).length) {
    fields.allotments = 'Reserve seats for each agency once.';
  } else if (reserved > s.capacity) {
    fields.allotments = `The reserved seats add up to ${reserved}, more than the capacity of ${s.capacity}.`;
  }
  if (s.allotments?.length && s.allotmentsReleaseAt && s.allotmentsReleaseAt.getTime() >= s.startsAt.getTime()) {
    fields.allotmentsReleaseAt = 'Release the reserved seats before the session starts.';
  }
  if (s.confirmedCount !== undefined && s.capacity < s.confirmedCount) {
    fields.capacity = `${s.confirmedCount} people are already confirmed, so capacity cannot go below ${s.confirmedCount}. Cancel or move registrations first.`;
  }
  return fields;
}
