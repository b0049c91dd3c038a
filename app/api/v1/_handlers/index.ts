import type { TApiHandle } from '../_lib/api-handler';
import type { TOperationId } from '../_lib/routes';
import * as agencies from './agencies';
import { getSessionCalendar } from './calendar';
import { getOpenApiDocument } from './openapi';
import * as registrations from './registrations';
import * as sessions from './sessions';
import * as workshops from './workshops';

/** Every handler by the operationId the route list gives it; the compiler refuses a route without one. */
export const handlers = {
  ...workshops,
  ...sessions,
  ...agencies,
  ...registrations,
  getSessionCalendar,
  getOpenApiDocument,
} satisfies Record<TOperationId, TApiHandle>;
