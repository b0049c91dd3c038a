import type { TAuditEntryDto } from '@/lib/audit/query';
import { z } from 'zod';
import type { TAgencyDto } from '@/lib/agencies/agencies';
import type { TPublicCertificateView } from '@/lib/certificates/lookup';
import type { TRosterEntryDto } from '@/lib/registrations/queries';
import type { TPublicSessionDto, TTrainerSessionDto } from '@/lib/sessions/dto';
import type { TWorkshopDto } from '@/lib/workshops/workshops';

// What the API answers, for the OpenAPI document only (answers are not parsed). The checks at the
// bottom fail to compile when a domain DTO changes and these do not.

const instant = z.iso.datetime().describe('ISO 8601 instant in UTC, like 2026-03-03T15:00:00.000Z.');

export const ZWorkshopDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  descriptionMarkdown: z.string(),
  learningObjectives: z.array(z.string()),
  audience: z.string(),
  topics: z.array(z.string()),
  durationMinutes: z.number().int().nullable(),
  creditHours: z.number(),
  creditCategory: z.string(),
  minimumCertificateHours: z.number().nullable().describe('Partial attendance earns a certificate only from this many hours; null: any hours recorded.'),
  contentNotice: z.string(),
  whatToBring: z.string().describe('Shown in confirmation emails and reminders.'),
  status: z.enum(['draft', 'published', 'archived']),
  publishedAt: instant.nullable(),
  updatedAt: instant,
});

const ZVenueDto = z.object({ name: z.string(), address: z.string(), directions: z.string(), accessibility: z.string() });

export const ZPublicSessionDto = z.object({
  id: z.uuid(),
  workshop: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
  startsAt: instant,
  endsAt: instant,
  timeZone: z.string().describe('IANA time zone the session is held in, like America/Chicago.'),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  waitlistCount: z.number().int(),
  venue: ZVenueDto.nullable(),
  online: z.boolean().describe('Held online; the link goes to confirmed attendees only.'),
  joint: z.boolean(),
  partnerAgency: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  visibility: z
    .enum(['public', 'unlisted', 'agencies'])
    .describe('`agencies`: listed, but only members of `forAgencies` (by email domain, confirmation or nomination) may register.'),
  forAgencies: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('The agencies a session for agencies is for; empty otherwise.'),
  status: z.enum(['scheduled', 'cancelled']),
  registrationOpensAt: instant,
  registrationClosesAt: instant,
  requireEmailConfirmation: z.boolean().describe('Registering holds a place for 30 minutes until the link emailed to the registrant confirms it.'),
});

export const ZTrainerSessionDto = ZPublicSessionDto.extend({
  onlineUrl: z.string().nullable(),
  minEnrolment: z.number().int().nullable(),
  confirmedCount: z.number().int(),
  sequence: z.number().int().describe('Calendar SEQUENCE, raised on every change of time, place or status.'),
  seriesId: z.uuid().nullable(),
  firstReminderHours: z.number().int().nullable(),
  secondReminderHours: z.number().int().nullable(),
  maxRegistrationsPerAddress: z.number().int().nullable().describe('Active registrations one client address may hold; null for no limit.'),
  facilitators: z.array(z.object({ name: z.string(), email: z.string(), lead: z.boolean() })),
  allotments: z
    .array(
      z.object({
        agencyId: z.uuid(),
        agencyName: z.string(),
        seats: z.number().int().describe('Seats kept for this agency’s members until the release date.'),
        taken: z.number().int().describe('Reserved seats with a confirmed place.'),
        held: z.number().int().describe('Reserved seats held for a registrant’s email confirmation.'),
        free: z.number().int().describe('Reserved seats still free; 0 once released.'),
      }),
    )
    .describe('Seats reserved per agency. A member takes their agency’s seats first, then open ones; nobody else takes reserved seats.'),
  allotmentsReleaseAt: instant.nullable().describe('When unused reserved seats join the open pool and the waitlist moves; null without allotments.'),
  allotmentsReleased: z.boolean(),
  approval: z
    .enum(['none', 'coordinator', 'trainer'])
    .describe('Who approves a self-registration (status pending_approval until then, its place held up to 72 hours); nominations and trainers’ registrations need none.'),
});

const agencyKind = z.enum(['police_department', 'sheriffs_office', 'child_protection_service', 'school_district', 'other']);

export const ZAgencySummaryDto = z.object({ id: z.uuid(), name: z.string(), kind: agencyKind });

export const ZAgencyDto = ZAgencySummaryDto.extend({
  units: z.array(z.string()),
  emailDomains: z.array(z.string()).describe('An address at one of these belongs to the agency (its coordinator sees that person in joint sessions).'),
  notes: z.string(),
  contacts: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string(), email: z.string(), phone: z.string() })),
  partnerships: z.array(
    z.object({
      id: z.uuid(),
      mouStatus: z.enum(['proposed', 'signed', 'expired']),
      signedOn: z.string().nullable(),
      renewalOn: z.string().nullable(),
      informationSharingProtocol: z.string(),
      notes: z.string(),
    }),
  ),
});

export const ZRegistrationCreatedDto = z.object({
  id: z.uuid(),
  status: z.enum(['confirmed', 'waitlisted', 'pending_approval']),
  waitlistPosition: z.number().int().optional().describe('Place in line, 1 first; only when waitlisted.'),
});

export const ZRosterEntryDto = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  agencyAsGiven: z.string().describe('The agency as the person typed it.'),
  agencyId: z.uuid().nullable().describe('The agency the person verifiably belongs to: an address at its email domains, or confirmed by it. Never from the typed agency.'),
  claimedAgencyId: z.uuid().nullable().describe('The partner agency the typed agency names, until confirmed or rejected.'),
  badgeNumber: z.string(),
  role: z.string(),
  accessNeeds: z.string(),
  status: z.enum(['pending_approval', 'confirmed', 'waitlisted', 'cancelled']),
  waitlistPosition: z.number().int().nullable().describe('1 for the first in line; null unless waitlisted.'),
  createdAt: instant,
  confirmedAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  awaitingEmailUntil: instant.nullable().describe('Set while the place is held for its email confirmation: when it frees otherwise.'),
  approvalExpiresAt: instant.nullable().describe('Set while the place waits for approval (status pending_approval): when it frees otherwise.'),
});

export const ZRosterEntryWithAttendanceDto = ZRosterEntryDto.extend({
  attendance: z
    .object({
      status: z.enum(['attended', 'absent', 'partial']),
      hours: z.number().nullable().describe('Hours attended, for `partial` only.'),
    })
    .nullable()
    .describe('Null until the trainer records it.'),
});

export const ZAttendanceRecordedDto = z.object({
  id: z.uuid(),
  attendance: z.enum(['attended', 'absent', 'partial']),
  attendedHours: z.number().nullable().describe('For `partial` only; `attended` earns the workshop’s credit hours.'),
  changed: z.boolean().describe('False when the registration already had exactly this attendance: nothing was written.'),
});

export const ZRegistrationCancelledDto = z.object({ id: z.uuid(), status: z.literal('cancelled') });
export const ZRegistrationDecisionDto = z.object({ id: z.uuid(), status: z.enum(['approved', 'declined', 'decided', 'expired']) });

export const ZPublicCertificateDto = z.object({
  code: z.string().describe('Grouped for reading aloud: 7K2Q-9XWD-4HPA-M3TR.'),
  status: z.enum(['valid', 'revoked']),
  holderName: z.string(),
  workshopTitle: z.string(),
  sessionDate: z.string().describe('In the session’s own time zone, the zone named: "Tuesday 3 March 2026, 9:00–12:00 CST".'),
  hours: z.number(),
  creditCategory: z.string(),
  issuedAt: instant,
  revokedAt: instant.optional().describe('Only when revoked.'),
  revokedReason: z.string().optional().describe('Only when revoked.'),
  replacedByCode: z.string().optional().describe('Only when revoked by a reissue: the code that replaces this one.'),
});

const printedCode = z.string().describe('As printed, in groups: 7K2Q-9XWD-4HPA-M3TR.');

export const ZCertificatesIssuedDto = z.object({
  issued: z
    .array(z.object({ code: printedCode, registrationId: z.uuid() }))
    .describe('The certificates this call issued; empty when every attendee already had one.'),
  alreadyIssued: z.number().int().describe('People in the session who already had a certificate, so got none this time.'),
});

export const ZCertificateRevokedDto = z.object({
  code: printedCode,
  status: z.literal('revoked'),
  revokedAt: instant,
  revokedReason: z.string(),
});

export const ZCertificateReissuedDto = z.object({
  code: printedCode.describe('The new certificate’s code, as printed.'),
  replaces: printedCode.describe('The old code, now revoked and pointing to the new one.'),
});

// Request-side, API only (the registration body itself is the domain's ZRegistrationInput).

/** Who cancels without a trainer's token: whoever holds the registration's manage token (from its email). */
export const ZRegistrationCancel = z.object({
  manageToken: z.string().min(1).max(200).optional().describe('The token from the registration’s email link; not needed with a trainer’s token.'),
});

export const ZRegistrationQuery = z.object({
  overbook: z.enum(['0', '1']).optional().describe('With a trainer’s token, `1` confirms beyond capacity instead of waitlisting.'),
});

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

const ZAuditEntryDto = z.object({
  id: z.number().int().describe('Entries are numbered in the order they were written.'),
  at: z.string().describe('When, ISO 8601 in UTC.'),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable().describe('Who; kept after their account is deleted. Null for the command line.'),
  action: z.string().describe('What was done, like `roster.viewed` (see the `action` filter).'),
  actionLabel: z.string().describe('The action in words.'),
  sessionId: z.string().nullable(),
  registrationId: z.string().nullable(),
  personEmail: z.string().nullable().describe('Whose data, when it was one person’s.'),
  ipAddress: z.string().nullable().describe('The client address the request came from.'),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).describe('Counts and labels, never the personal data itself.'),
});

/** Every answer body the API has, by the component name the document gives it. */
export const responseSchemas = {
  Workshop: ZWorkshopDto,
  WorkshopList: list(ZWorkshopDto),
  PublicSession: ZPublicSessionDto,
  PublicSessionPage: list(ZPublicSessionDto).extend({
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  }),
  TrainerSession: ZTrainerSessionDto,
  TrainerSessionList: list(ZTrainerSessionDto),
  Agency: ZAgencyDto,
  AgencyList: list(ZAgencySummaryDto),
  RegistrationCreated: ZRegistrationCreatedDto,
  RegistrationList: list(ZRosterEntryWithAttendanceDto),
  NominationList: list(ZRegistrationCreatedDto),
  RegistrationCancelled: ZRegistrationCancelledDto,
  RegistrationDecision: ZRegistrationDecisionDto,
  AttendanceRecorded: ZAttendanceRecordedDto,
  PublicCertificate: ZPublicCertificateDto,
  CertificatesIssued: ZCertificatesIssuedDto,
  CertificateRevoked: ZCertificateRevokedDto,
  CertificateReissued: ZCertificateReissuedDto,
  AuditPage: list(ZAuditEntryDto).extend({
    nextBefore: z.number().int().nullable().describe('Pass as `before` for the next (older) page; null on the last page.'),
  }),
  OpenApiDocument: z.record(z.string(), z.unknown()).describe('This document.'),
};

export type TResponseSchemaName = keyof typeof responseSchemas;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inStep: [
  Same<z.infer<typeof ZWorkshopDto>, TWorkshopDto>,
  Same<z.infer<typeof ZPublicSessionDto>, TPublicSessionDto>,
  Same<z.infer<typeof ZTrainerSessionDto>, TTrainerSessionDto>,
  Same<z.infer<typeof ZAgencyDto>, TAgencyDto>,
  Same<z.infer<typeof ZRosterEntryDto>, TRosterEntryDto>,
] = [true, true, true, true, true];
void inStep;
const certificateInStep: Same<z.infer<typeof ZPublicCertificateDto>, TPublicCertificateView> = true;
void certificateInStep;
const auditInStep: Same<z.infer<typeof ZAuditEntryDto>, TAuditEntryDto> = true;
void auditInStep;
