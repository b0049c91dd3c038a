import type { TTrainingSession } from '@/db/schema';
import type { TAllotmentDto } from './allotments';

export type TVenueDto = { name: string; address: string; directions: string; accessibility: string };
/** `lead` marks the Muster trainer who runs the session; the others are co-facilitators. */
export type TFacilitatorDto = { name: string; email: string; lead: boolean };

/** What anyone may see of a session: no meeting link (confirmed attendees only), no people. */
export type TPublicSessionDto = {
  id: string;
  workshop: { id: string; slug: string; title: string };
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity: number;
  seatsLeft: number;
  waitlistCount: number;
  venue: TVenueDto | null;
  online: boolean;
  joint: boolean;
  partnerAgency: { id: string; name: string } | null;
  /** `agencies`: only members of `forAgencies` may register (seats are not shown by agency). */
  visibility: 'public' | 'unlisted' | 'agencies';
  /** The agencies a session for agencies is for, by name; empty for other sessions. */
  forAgencies: { id: string; name: string }[];
  status: 'scheduled' | 'cancelled';
  registrationOpensAt: string;
  registrationClosesAt: string;
  /** Registering holds a place until the link emailed to the registrant confirms it. */
  requireEmailConfirmation: boolean;
};

export type TTrainerSessionDto = TPublicSessionDto & {
  onlineUrl: string | null;
  minEnrolment: number | null;
  confirmedCount: number;
  sequence: number;
  seriesId: string | null;
  facilitators: TFacilitatorDto[];
  /** Hours before the start; null when that reminder is off. */
  firstReminderHours: number | null;
  secondReminderHours: number | null;
  maxRegistrationsPerAddress: number | null;
  /** Seats kept per agency until `allotmentsReleaseAt`; `free` is 0 once they are released. */
  allotments: TAllotmentDto[];
  allotmentsReleaseAt: string | null;
  allotmentsReleased: boolean;
  /** Who approves a self-registration before its place is confirmed. */
  approval: 'none' | 'coordinator' | 'trainer';
};

export function venueOf(row: TTrainingSession): TVenueDto | null {
  if (!row.venueName) return null;
  return {
    name: row.venueName,
    address: row.venueAddress,
    directions: row.venueDirections,
    accessibility: row.venueAccessibility,
  };
}

export function toPublicSessionDto(
  row: TTrainingSession,
  workshop: { id: string; slug: string; title: string },
  agency: { id: string; name: string } | null,
  forAgencies: { id: string; name: string }[] = [],
): TPublicSessionDto {
  return {
    id: row.id,
    workshop: { id: workshop.id, slug: workshop.slug, title: workshop.title },
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    capacity: row.capacity,
    seatsLeft: Math.max(0, row.capacity - row.confirmedCount),
    waitlistCount: row.waitlistCount,
    venue: venueOf(row),
    online: row.onlineUrl !== null,
    joint: row.partnerAgencyId !== null,
    partnerAgency: agency,
    visibility: row.visibility,
    forAgencies: row.visibility === 'agencies' ? forAgencies : [],
    status: row.status,
    registrationOpensAt: row.registrationOpensAt.toISOString(),
    registrationClosesAt: row.registrationClosesAt.toISOString(),
    requireEmailConfirmation: row.requireEmailConfirmation,
  };
}
