import { ZNominations, ZNominee } from '@/lib/agencies/nominee-list';
import { ZAgencyCreate, ZAgencyPatch } from '@/lib/agencies/schemas';
import { ZCertificateReissue, ZCertificateRevoke } from '@/lib/certificates/schemas';
import { ZAttendanceInput } from '@/lib/attendance/schemas';
import { ZAuditFilters } from '@/lib/audit/query';
import { buildOpenApiDocument, type TApiRoute, type TOpenApiDocument } from '@/lib/api/openapi';
import { ZRegistrationInput } from '@/lib/registrations/schemas';
import { ZSessionCreate, ZSessionPatch } from '@/lib/sessions/schemas';
import { ZWorkshopCreate, ZWorkshopPatch } from '@/lib/workshops/schemas';
import { responseSchemas, ZRegistrationCancel, ZRegistrationQuery, type TResponseSchemaName } from './dto-schemas';
import { sessionListQueryWords, ZSessionListQuery } from './query';

const workshopId = { id: 'The workshop’s id (a UUID).' };
const sessionId = { id: 'The session’s id (a UUID).' };
const agencyId = { id: 'The agency’s id (a UUID).' };
const registrationId = { id: 'The registration’s id (a UUID).' };
const certificateCode = { code: 'The code printed on the certificate, like 7K2Q-9XWD-4HPA-M3TR.' };

/**
 * Every operation of API v1, the one list the OpenAPI document is built from. Each operationId
 * names its handler in `_handlers`, and the tests check both against the route files.
 */
export const apiRoutes = [
  // Workshops
  {
    operationId: 'listWorkshops', method: 'get', path: '/api/v1/workshops', tag: 'Workshops', auth: 'optional',
    summary: 'Published workshops, by title',
    description: 'With a trainer’s token: every workshop, drafts and archived ones too.',
    response: { status: 200, description: 'The workshops.', schema: 'WorkshopList' },
  },
  {
    operationId: 'createWorkshop', method: 'post', path: '/api/v1/workshops', tag: 'Workshops', auth: 'bearer',
    summary: 'Create a draft workshop',
    description: 'Without a slug, one is made from the title. A slug already in use is a 422 on `slug` (code `slug_taken`).',
    body: { name: 'WorkshopCreate', schema: ZWorkshopCreate },
    response: { status: 201, description: 'Created; `Location` says where.', schema: 'Workshop' },
  },
  {
    operationId: 'getWorkshop', method: 'get', path: '/api/v1/workshops/{id}', tag: 'Workshops', auth: 'optional', pathParams: workshopId,
    summary: 'One workshop',
    description: 'Drafts and archived workshops only with a trainer’s token; otherwise they are a 404.',
    response: { status: 200, description: 'The workshop.', schema: 'Workshop' },
  },
  {
    operationId: 'updateWorkshop', method: 'patch', path: '/api/v1/workshops/{id}', tag: 'Workshops', auth: 'bearer', pathParams: workshopId,
    summary: 'Change a workshop; fields left out stay as they are',
    body: { name: 'WorkshopPatch', schema: ZWorkshopPatch },
    response: { status: 200, description: 'The workshop as it is now.', schema: 'Workshop' },
  },
  {
    operationId: 'publishWorkshop', method: 'post', path: '/api/v1/workshops/{id}/publish', tag: 'Workshops', auth: 'bearer', pathParams: workshopId,
    summary: 'Publish a workshop: it and its public sessions appear in the catalogue',
    description: 'A workshop without a summary cannot be published (422 on `summary`).',
    response: { status: 200, description: 'The published workshop.', schema: 'Workshop' },
    alsoFails: [422],
  },
  {
    operationId: 'unpublishWorkshop', method: 'post', path: '/api/v1/workshops/{id}/unpublish', tag: 'Workshops', auth: 'bearer', pathParams: workshopId,
    summary: 'Take a workshop back to draft',
    response: { status: 200, description: 'The workshop, now a draft.', schema: 'Workshop' },
  },
  {
    operationId: 'archiveWorkshop', method: 'post', path: '/api/v1/workshops/{id}/archive', tag: 'Workshops', auth: 'bearer', pathParams: workshopId,
    summary: 'Archive a workshop',
    response: { status: 200, description: 'The archived workshop.', schema: 'Workshop' },
  },
  {
    operationId: 'listWorkshopSessions', method: 'get', path: '/api/v1/workshops/{id}/sessions', tag: 'Sessions', auth: 'bearer', pathParams: workshopId,
    summary: 'Every session of a workshop, past and future, in start order',
    response: { status: 200, description: 'The sessions, with what only trainers see.', schema: 'TrainerSessionList' },
  },
  {
    operationId: 'createWorkshopSession', method: 'post', path: '/api/v1/workshops/{id}/sessions', tag: 'Sessions', auth: 'bearer', pathParams: workshopId,
    summary: 'Schedule a session of a workshop',
    description:
      'Instants are ISO 8601 with an offset; `timeZone` is the IANA zone the session is held in. Give a `venue` or an ' +
      '`onlineUrl`. Registration opens now and closes at the start unless given. Sessions in the past are accepted ' +
      '(for recording earlier deliveries).',
    body: { name: 'SessionCreate', schema: ZSessionCreate },
    response: { status: 201, description: 'Created; `Location` says where.', schema: 'TrainerSession' },
  },
  // Sessions
  {
    operationId: 'listSessions', method: 'get', path: '/api/v1/sessions', tag: 'Sessions', auth: 'none',
    summary: 'The public catalogue: upcoming public sessions of published workshops, in start order',
    query: { schema: ZSessionListQuery, descriptions: sessionListQueryWords },
    response: { status: 200, description: 'One page of sessions.', schema: 'PublicSessionPage' },
  },
  {
    operationId: 'getSession', method: 'get', path: '/api/v1/sessions/{id}', tag: 'Sessions', auth: 'none', pathParams: sessionId,
    summary: 'One session as the public sees it',
    description: 'Unlisted, past and cancelled sessions of published workshops are here too, so an old link still explains itself.',
    response: { status: 200, description: 'The session.', schema: 'PublicSession' },
  },
  {
    operationId: 'getSessionCalendar', method: 'get', path: '/api/v1/sessions/{id}/calendar.ics', tag: 'Sessions', auth: 'none', pathParams: sessionId,
    summary: 'One session as a calendar file (.ics) to import',
    description:
      'An iCalendar file (`text/calendar; charset=utf-8`, METHOD:PUBLISH) with one event, offered as a download named ' +
      'after the workshop and the date. The same sessions as `GET /api/v1/sessions/{id}`, and as little about them: no ' +
      'attendees and no online meeting link. UID `session-<id>@<app host>` and SEQUENCE stay with the session, so a ' +
      'second import updates the first; a cancelled session comes as STATUS:CANCELLED.',
    response: { status: 200, description: 'The calendar file (`text/calendar`), not JSON.' },
  },
  {
    operationId: 'updateSession', method: 'patch', path: '/api/v1/sessions/{id}', tag: 'Sessions', auth: 'bearer', pathParams: sessionId,
    summary: 'Change or cancel a session; fields left out stay as they are',
    description:
      'A change of time, place or status raises the calendar `sequence`. Capacity cannot go below the number already ' +
      'confirmed (422 on `capacity`). `venue: null` removes the venue; `status: "cancelled"` cancels.',
    body: { name: 'SessionPatch', schema: ZSessionPatch },
    response: { status: 200, description: 'The session as it is now.', schema: 'TrainerSession' },
  },
  // Registrations
  {
    operationId: 'registerForSession', method: 'post', path: '/api/v1/sessions/{id}/registrations', tag: 'Registrations', auth: 'optional', pathParams: sessionId,
    summary: 'Register for a session: a seat while there are any, the waitlist after',
    description:
      'Unknown fields (a `status`) are ignored: where a registration lands is decided by the seats. The link to manage ' +
      'or cancel it goes by email, not in this answer. Without a trainer’s token: only while registration is open, and ' +
      'at most `REGISTRATION_LIMIT_PER_IP` a minute per network (429 `rate_limited` with `Retry-After`). With one: at ' +
      'any time, and `overbook=1` confirms beyond capacity. 409: `already_registered` (the email, any case; without a ' +
      'trainer’s token the address’s owner is emailed its manage link), `address_limit` (the session’s ' +
      '`maxRegistrationsPerAddress` places from this network), `registration_closed`, `session_cancelled`. When the ' +
      'session has `requireEmailConfirmation` and no trainer’s token is sent, every registration answers 202 ' +
      '`{"status":"check_email","message":"Check your email to confirm your place."}`, whether the address is new or ' +
      'already has a place: the place is held for 30 minutes and counts once the emailed link is used.',
    query: { schema: ZRegistrationQuery },
    body: { name: 'RegistrationInput', schema: ZRegistrationInput },
    response: { status: 201, description: 'Registered: confirmed, or waitlisted with a place in line.', schema: 'RegistrationCreated' },
    alsoFails: [409, 429],
  },
  {
    operationId: 'listSessionRegistrations', method: 'get', path: '/api/v1/sessions/{id}/registrations', tag: 'Registrations', auth: 'bearer', pathParams: sessionId,
    summary: 'A session’s roster: confirmed, awaiting approval, the waitlist in order, cancelled last',
    response: { status: 200, description: 'Everyone registered, with their details.', schema: 'RegistrationList' },
  },
  {
    operationId: 'cancelRegistration', method: 'post', path: '/api/v1/registrations/{id}/cancel', tag: 'Registrations', auth: 'optional', pathParams: registrationId,
    summary: 'Cancel a registration; a freed seat goes to the first on the waitlist',
    description:
      'With a trainer’s token (body `{}`), or with the `manageToken` from the registration’s email in the body. A wrong ' +
      'manage token is a 404, like an unknown registration. Cancelling twice is not an error.',
    body: { name: 'RegistrationCancel', schema: ZRegistrationCancel },
    response: { status: 200, description: 'Cancelled.', schema: 'RegistrationCancelled' },
    alsoFails: [403],
  },
  {
    operationId: 'approveRegistration', method: 'post', path: '/api/v1/registrations/{id}/approve', tag: 'Registrations', auth: 'bearer', pathParams: registrationId,
    summary: 'Approve a place waiting for approval (status pending_approval): it is confirmed and the person gets their invite',
    description:
      'A trainer’s token, or the token of the coordinator of the agency that decides it (another agency’s officer is a 404). ' +
      '`status` answers `approved`, `decided` (it was decided already) or `expired` (the request ran out ' +
      'and its place has gone back to others).',
    response: { status: 200, description: 'The decision.', schema: 'RegistrationDecision' },
  },
  {
    operationId: 'declineRegistration', method: 'post', path: '/api/v1/registrations/{id}/decline', tag: 'Registrations', auth: 'bearer', pathParams: registrationId,
    summary: 'Decline a place waiting for approval: it frees, the waitlist moves, and the person is told',
    description: 'A trainer’s token, or the deciding agency’s coordinator’s. `status` answers `declined`, `decided` or `expired`.',
    response: { status: 200, description: 'The decision.', schema: 'RegistrationDecision' },
  },
  {
    operationId: 'recordAttendance', method: 'put', path: '/api/v1/registrations/{id}/attendance', tag: 'Registrations', auth: 'bearer', pathParams: registrationId,
    summary: 'Record whether a confirmed person attended: attended, absent, or partial with hours',
    description:
      'From the session’s start (at any time for a session in the past) until its roster is closed. `hours` is ' +
      'required for `partial`: more than 0, at most the session’s length, two decimals at most (422 on `hours`); it ' +
      'is dropped for `attended` and `absent`. Sending the same attendance again changes nothing and answers ' +
      '`changed: false`. 409: `attendance_not_open` (the message says when it opens, the zone named), ' +
      '`roster_closed`, `registration_not_confirmed` (waitlisted or cancelled), `session_cancelled`.',
    body: { name: 'AttendanceInput', schema: ZAttendanceInput },
    response: { status: 200, description: 'Recorded, or already so.', schema: 'AttendanceRecorded' },
    alsoFails: [409],
  },
  {
    operationId: 'substituteRegistration', method: 'post', path: '/api/v1/registrations/{id}/substitute', tag: 'Registrations', auth: 'coordinator', pathParams: registrationId,
    summary: 'Send another officer in place of one of the agency’s: the place passes on, and nobody waiting moves',
    description:
      'A coordinator’s token, for a place of one of their agency’s officers in an upcoming session open to the agency ' +
      '(anything else is a 404). The first officer gets METHOD:CANCEL for their invite, the substitute the confirmation with ' +
      'an invite of their own. 409: `not_substitutable` (the place is cancelled or awaiting approval), `already_registered` ' +
      '(the substitute has a place already).',
    body: { name: 'Nominee', schema: ZNominee },
    response: { status: 201, description: 'The substitute’s place.', schema: 'RegistrationCreated' },
    alsoFails: [409],
  },
  // Agencies
  {
    operationId: 'nominateOfficersForSession', method: 'post', path: '/api/v1/sessions/{id}/nominations', tag: 'Agencies', auth: 'coordinator', pathParams: sessionId,
    summary: 'Register officers of the coordinator’s agency, one or up to 200, in one transaction',
    description:
      'A coordinator’s token: their agency’s systems push nominations. Each officer becomes a member of the agency and takes ' +
      'a place as a self-registration would (the agency’s reserved seats first, then open ones, else the waitlist), with ' +
      'no approval and no email confirmation, and gets the confirmation with its invite saying the agency registered them. ' +
      'The session must be upcoming and open to the agency (joint with it, for it, or public), else 404. If any officer ' +
      'has a place already, nothing is saved: 409 `already_registered` names them. An address listed twice is a 422 on ' +
      '`officers.N.email`.',
    body: { name: 'Nominations', schema: ZNominations },
    response: { status: 201, description: 'Each officer’s place, in the order sent.', schema: 'NominationList' },
    alsoFails: [409],
  },
  {
    operationId: 'listAgencies', method: 'get', path: '/api/v1/agencies', tag: 'Agencies', auth: 'bearer',
    summary: 'Partner agencies, by name',
    response: { status: 200, description: 'The agencies.', schema: 'AgencyList' },
  },
  {
    operationId: 'createAgency', method: 'post', path: '/api/v1/agencies', tag: 'Agencies', auth: 'bearer',
    summary: 'Add a partner agency, with its contacts and partnership (MOU) records',
    body: { name: 'AgencyCreate', schema: ZAgencyCreate },
    response: { status: 201, description: 'Created; `Location` says where.', schema: 'Agency' },
  },
  {
    operationId: 'getAgency', method: 'get', path: '/api/v1/agencies/{id}', tag: 'Agencies', auth: 'bearer', pathParams: agencyId,
    summary: 'One agency',
    response: { status: 200, description: 'The agency.', schema: 'Agency' },
  },
  {
    operationId: 'updateAgency', method: 'patch', path: '/api/v1/agencies/{id}', tag: 'Agencies', auth: 'bearer', pathParams: agencyId,
    summary: 'Change an agency; `contacts` or `partnerships`, when given, replace the lists',
    body: { name: 'AgencyPatch', schema: ZAgencyPatch },
    response: { status: 200, description: 'The agency as it is now.', schema: 'Agency' },
  },
  {
    operationId: 'deleteAgency', method: 'delete', path: '/api/v1/agencies/{id}', tag: 'Agencies', auth: 'bearer', pathParams: agencyId,
    summary: 'Remove an agency; its sessions stay, without a partner',
    response: { status: 204, description: 'Removed.' },
  },
  // Certificates (lookups)
  {
    operationId: 'getCertificate', method: 'get', path: '/api/v1/certificates/{code}', tag: 'Certificates', auth: 'none', pathParams: certificateCode,
    summary: 'Verify a certificate: its record, and whether it is valid or revoked',
    description:
      'Anyone holding a code may look it up; it is the code printed on the certificate. Dashes, spaces and case do not ' +
      'matter, and O, I and L are read as 0, 1 and 1. `sessionDate` is in the session’s own time zone, the zone named. ' +
      'A revoked certificate adds `revokedAt` and `revokedReason`, and `replacedByCode` when a reissue replaced it. ' +
      'At most `CERTIFICATE_LOOKUP_LIMIT_PER_IP` lookups a minute per network, shared with the PDF (429 `rate_limited` ' +
      'with `Retry-After`).',
    response: { status: 200, description: 'The certificate’s public record.', schema: 'PublicCertificate' },
    alsoFails: [429],
  },
  {
    operationId: 'getCertificatePdf', method: 'get', path: '/api/v1/certificates/{code}/pdf', tag: 'Certificates', auth: 'none', pathParams: certificateCode,
    summary: 'The certificate as a PDF, byte for byte the file issued',
    description:
      'An `application/pdf` answer, shown inline and named `certificate-XXXX-XXXX-XXXX-XXXX.pdf`. A revoked certificate’s ' +
      'PDF is served too: its QR code leads to the verification page, which says it is revoked. Limited like ' +
      '`GET /api/v1/certificates/{code}`.',
    response: { status: 200, description: 'The PDF (`application/pdf`), not JSON.' },
    alsoFails: [429],
  },
  // Certificates (issuing)
  {
    operationId: 'issueSessionCertificates', method: 'post', path: '/api/v1/sessions/{id}/certificates', tag: 'Certificates', auth: 'bearer', pathParams: sessionId,
    summary: 'Close the roster and issue a certificate to everyone whose attendance earns one',
    description:
      'No body. One certificate per confirmed person marked `attended` (the workshop’s credit hours) or `partial` (the ' +
      'hours recorded, when at least the workshop’s minimum); absent and unrecorded people get none. The roster is ' +
      'closed, so attendance can no longer change. Each certificate is emailed to its holder with the PDF attached, ' +
      'queued in the same transaction. Repeating the call (even at the same moment) issues nobody a second ' +
      'certificate: it answers 200 with an empty `issued`; a call that issued any answers 201. Codes are as printed, ' +
      'with dashes. 409: `session_not_started` (before the session’s start), `session_cancelled`.',
    response: { status: 201, description: 'Issued (200 with an empty `issued` when there was nothing new).', schema: 'CertificatesIssued' },
    alsoFails: [409],
  },
  {
    operationId: 'revokeCertificate', method: 'post', path: '/api/v1/certificates/{code}/revoke', tag: 'Certificates', auth: 'bearer', pathParams: certificateCode,
    summary: 'Revoke a certificate: it verifies as revoked, with the date and the reason',
    description:
      'The reason is required (422 on `reason`) and is shown to anyone who verifies the code. The record stays, so the ' +
      'PDF is still recognised, as revoked. Its email, if not sent yet, is withdrawn. Recorded in the audit log. ' +
      '409 `already_revoked` the second time.',
    body: { name: 'CertificateRevoke', schema: ZCertificateRevoke },
    response: { status: 200, description: 'Revoked.', schema: 'CertificateRevoked' },
    alsoFails: [409],
  },
  {
    operationId: 'reissueCertificate', method: 'post', path: '/api/v1/certificates/{code}/reissue', tag: 'Certificates', auth: 'bearer', pathParams: certificateCode,
    summary: 'Replace a certificate with a corrected one (a misspelt name, say)',
    description:
      'The old certificate is revoked with the reason “Reissued: <reason>” and points to the new code; the new one ' +
      'repeats every fact of the old with `holderName` when given, a new code and today’s issue date, and is emailed ' +
      'to the holder with its PDF. A certificate revoked without a replacement can be reissued; one already replaced ' +
      'is a 409 `already_revoked`. Recorded in the audit log.',
    body: { name: 'CertificateReissue', schema: ZCertificateReissue },
    response: { status: 201, description: 'The new certificate’s code.', schema: 'CertificateReissued' },
    alsoFails: [409],
  },
  // Audit log
  {
    operationId: 'listAuditEntries', method: 'get', path: '/api/v1/audit', tag: 'Audit', auth: 'bearer',
    summary: 'The audit log, newest first: who looked at or changed whose data, when and from where',
    description:
      'Every staff look at personal data (rosters, check-in lists, agency records, exports) and every change of roles, places, ' +
      'attendance and certificates. Filters combine; dates are whole UTC days. Page with `before` = the previous page’s `nextBefore`. ' +
      'Trainers only.',
    query: { schema: ZAuditFilters },
    response: { status: 200, description: 'One page of entries.', schema: 'AuditPage' },
    alsoFails: [422],
  },
  // This document
  {
    operationId: 'getOpenApiDocument', method: 'get', path: '/api/v1/openapi.json', tag: 'Meta', auth: 'none',
    summary: 'This OpenAPI 3.1 document',
    response: { status: 200, description: 'The document.', schema: 'OpenApiDocument' },
  },
] as const satisfies readonly TApiRoute<TResponseSchemaName>[];

export type TOperationId = (typeof apiRoutes)[number]['operationId'];

let document: TOpenApiDocument | undefined;

export function apiDocument(): TOpenApiDocument {
  document ??= buildOpenApiDocument({
    info: {
      title: 'Muster API',
      version: '1.0.0',
      description:
        'Workshops, sessions and partner agencies. Reading the catalogue needs no token; changing anything needs a ' +
        'trainer’s API token. Every failure answers `{"error":{"code","message","fields"?}}`.',
    },
    routes: apiRoutes,
    responseSchemas,
  });
  return document;
}
