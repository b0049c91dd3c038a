import type { TApiHandle } from '../_lib/api-handler';
import type { TOperationId } from '../_lib/routes';
import * as agencies from './agencies';
import { listAuditEntries } from './audit';
import { recordAttendance } from './attendance';
import { getSessionCalendar } from './calendar';
import { getCertificate, getCertificatePdf } from './certificate-lookup';
import { issueSessionCertificates, reissueCertificate, revokeCertificate } from './certificates';
import { getOpenApiDocument } from './openapi';
import * as nominations from './nominations';
import * as registrations from './registrations';
import * as sessions from './sessions';
import * as workshops from './workshops';

/** Every handler by the operationId the route list gives it; the compiler refuses a route without one. */
export const handlers = {
  ...workshops,
  ...sessions,
  ...agencies,
  ...registrations,
  ...nominations,
  getSessionCalendar,
  recordAttendance,
  getCertificate,
  getCertificatePdf,
  issueSessionCertificates,
  revokeCertificate,
  reissueCertificate,
  listAuditEntries,
  getOpenApiDocument,
} satisfies Record<TOperationId, TApiHandle>;
