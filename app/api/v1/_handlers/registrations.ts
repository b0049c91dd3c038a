import 'server-only';
import { attendanceOfSession } from '@/lib/attendance/check-in-sheet';
import { recordStaffRead } from '@/lib/audit/staff-reads';
import { getEnv } from '@/lib/config/env';
import { notFoundError, parseInput, unauthorizedError } from '@/lib/errors/app-error';
import { clientIp } from '@/lib/http/client-ip';
import { hitRateLimit } from '@/lib/rate-limit/rate-limit';
import { decideApproval } from '@/lib/registrations/approval';
import { cancelRegistration as cancelDomain } from '@/lib/registrations/cancel';
import { listRegistrationsForTrainer } from '@/lib/registrations/queries';
import { loadPlaceSession } from '@/lib/registrations/place-session';
import { isUuid } from '@/lib/workshops/workshops';
import { clientKeyOf } from '@/lib/registrations/client-key';
import {
  CHECK_EMAIL_MESSAGE,
  isCheckEmailAnswer,
  registerForSession as registerDomain,
  tooManyRegistrations,
} from '@/lib/registrations/register';
import { jsonBody, optionalActor, trainerActor, trainerOrCoordinatorActor, type TApiContext } from '../_lib/api-handler';
import { ZRegistrationCancel, ZRegistrationQuery } from '../_lib/dto-schemas';
import { param } from '../_lib/http';

const RATE_WINDOW_MS = 60_000;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export type TRegisterDeps = {
  /** Anonymous registrations per client IP per minute; REGISTRATION_LIMIT_PER_IP unless given (tests). */
  limitPerIp?: number;
};

/**
 * Public registration. Without a trainer's token it is limited per client IP and held to the
 * registration window; a trainer may register anyone at any time, and overbook with `?overbook=1`.
 * The manage token is not answered: it goes by email only, to the address registered.
 */
export async function registerForSession({ db, request, params }: TApiContext, deps: TRegisterDeps = {}): Promise<Response> {
  const actor = await optionalActor(db, request);
  const isTrainer = actor?.role === 'trainer';
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { overbook } = parseInput(ZRegistrationQuery, query);
  const address = clientIp(request.headers);
  const rateLimit = isTrainer
    ? undefined
    : { key: `register:ip:${address}`, limit: deps.limitPerIp ?? getEnv().REGISTRATION_LIMIT_PER_IP, windowMs: RATE_WINDOW_MS };
  const sessionId = param(params, 'id');
  const input = await jsonBody(request).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  // An unreadable body is a 422, but an unknown session is a 404 first, as on every route with an id.
  if ('error' in input) {
    if (rateLimit) {
      const hit = await hitRateLimit(db, rateLimit.key, rateLimit);
      if (!hit.allowed) throw tooManyRegistrations(hit.retryAfterMs);
    }
    if (!(await loadPlaceSession(db, isUuid(sessionId) ? sessionId : NIL_UUID))) throw notFoundError('Session');
    throw input.error;
  }
  // The domain counts the rate-limit hit (in the same statement as the seat when it can) and
  // answers 404 for an unknown session, or one of an unpublished workshop, before the body.
  let result;
  try {
    result = await registerDomain(db, actor, sessionId, input.value, {
      allowOutsideWindow: isTrainer,
      allowOverbook: isTrainer && overbook === '1',
      rateLimit,
      clientKey: isTrainer ? undefined : clientKeyOf(address),
    });
  } catch (error) {
    if (isCheckEmailAnswer(error)) return checkEmailResponse();
    throw error;
  }
  if (result.status === 'held') return checkEmailResponse();
  const body =
    result.status === 'waitlisted'
      ? { id: result.id, status: result.status, waitlistPosition: result.waitlistPosition }
      : { id: result.id, status: result.status };
  return Response.json(body, { status: 201 });
}

/** The one answer to every registration for a session that confirms by email: nothing about the address. */
function checkEmailResponse(): Response {
  return Response.json({ status: 'check_email', message: CHECK_EMAIL_MESSAGE }, { status: 202 });
}

/** A session's roster, for trainers, each person with their attendance (`{status, hours}`, or null until recorded). */
export async function listSessionRegistrations({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  const items = await listRegistrationsForTrainer(db, actor, param(params, 'id'));
  const attendance = await attendanceOfSession(db, actor, param(params, 'id'));
  await recordStaffRead(db, actor, { action: 'roster.viewed', sessionId: param(params, 'id'), via: 'api', people: items.length });
  return Response.json({ items: items.map((item) => ({ ...item, attendance: attendance.get(item.id) ?? null })) });
}

/** The body of a cancellation, if any: `{}` when empty, a 422 when it is not JSON or not the shape. */
async function cancelBody(request: Request): Promise<{ manageToken?: string }> {
  const text = await request.clone().text();
  if (text.trim() === '') return {};
  return parseInput(ZRegistrationCancel, await jsonBody(request));
}

/**
 * Cancels with a trainer's token, or with the registration's manage token in the body. A wrong
 * manage token is a 404 like an unknown registration, so tokens cannot be probed.
 */
export async function cancelRegistration({ db, request, params }: TApiContext): Promise<Response> {
  const id = param(params, 'id');
  if (request.headers.has('authorization')) {
    const actor = await trainerActor(db, request);
    const result = await cancelDomain(db, id, { actor });
    return Response.json({ id: result.id, status: result.status });
  }
  const { manageToken } = await cancelBody(request);
  if (!manageToken) throw unauthorizedError('Send a trainer’s API token, or the registration’s manageToken in the body.');
  const result = await cancelDomain(db, id, { manageToken });
  return Response.json({ id: result.id, status: result.status });
}

async function decide({ db, request, params }: TApiContext, decision: 'approve' | 'decline'): Promise<Response> {
  const id = param(params, 'id');
  const actor = await trainerOrCoordinatorActor(db, request);
  const outcome = await decideApproval(db, { actor, registrationId: id }, decision);
  if (outcome.kind === 'unknown') throw notFoundError('Registration');
  return Response.json({ id, status: outcome.kind });
}

/** A trainer, or the deciding agency's coordinator, approves a place waiting for approval. */
export function approveRegistration(context: TApiContext): Promise<Response> {
  return decide(context, 'approve');
}

/** A trainer, or the deciding agency's coordinator, declines a place waiting for approval. */
export function declineRegistration(context: TApiContext): Promise<Response> {
  return decide(context, 'decline');
}
