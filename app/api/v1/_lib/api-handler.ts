import 'server-only';
import { getDb, type Db } from '@/db';
import { authenticateApiToken } from '@/lib/api-tokens/api-tokens';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { AppError, forbiddenError, unauthorizedError } from '@/lib/errors/app-error';
import { toResponse } from '@/lib/errors/answers';

export type TApiContext = { db: Db; request: Request; params: Record<string, string> };
export type TApiHandle = (ctx: TApiContext) => Promise<Response>;

/**
 * Runs a handler on a given context, any error answered by toResponse. Separate from apiHandler
 * so tests can pass their own database.
 */
export async function respond(handle: TApiHandle, ctx: TApiContext): Promise<Response> {
  try {
    return await handle(ctx);
  } catch (error) {
    return toResponse(error);
  }
}

/** Wraps a route handler: the process's database, the route's params, errors as JSON (see respond). */
export function apiHandler(handle: TApiHandle) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      return await handle({ db: await getDb(), request, params: (await context.params) ?? {} });
    } catch (error) {
      return toResponse(error);
    }
  };
}

/** The person behind `Authorization: Bearer <token>`; 401 when absent or unknown. */
export async function tokenActor(db: Db, request: Request): Promise<NonNullable<TActor>> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorizedError('Send an API token: Authorization: Bearer <token>.');
  const actor = await authenticateApiToken(db, match[1]!);
  if (!actor) throw unauthorizedError('This API token is not valid, or has been revoked.');
  return actor;
}

/**
 * A trainer's token, checked before the body is read so a stranger or an officer learns nothing
 * about the input rules (401/403 rather than 422). The domain checks again.
 */
export async function trainerActor(db: Db, request: Request): Promise<{ id: string; role: 'trainer' }> {
  const actor = await tokenActor(db, request);
  assertTrainer(actor);
  return actor;
}

/**
 * A partner agency coordinator's token: it acts for their agency only, and every trainer route
 * refuses it (403). Checked before the body is read, as for trainers.
 */
export async function coordinatorActor(db: Db, request: Request): Promise<{ id: string; role: 'coordinator' }> {
  const actor = await tokenActor(db, request);
  if (actor.role !== 'coordinator') throw forbiddenError('Only a partner agency coordinator’s token can do this.');
  return { id: actor.id, role: 'coordinator' };
}

/** A trainer's token, or a coordinator's (for what their agency decides); an officer's is refused. */
export async function trainerOrCoordinatorActor(db: Db, request: Request): Promise<{ id: string; role: 'trainer' | 'coordinator' }> {
  const actor = await tokenActor(db, request);
  if (actor.role === 'officer') throw forbiddenError('Only a trainer’s or a coordinator’s token can do this.');
  return { id: actor.id, role: actor.role };
}

/** For public routes that show more to a trainer: no header means anonymous; a bad token is still a 401. */
export async function optionalActor(db: Db, request: Request): Promise<TActor> {
  return request.headers.has('authorization') ? tokenActor(db, request) : null;
}

/** The request body as JSON; 422 (not a 500) when it is not JSON. parseInput refuses NUL text. */
export async function jsonBody(request: Request): Promise<unknown> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError('validation_failed', 'The request body must be JSON.', 422, { _: 'The request body must be JSON.' });
  }
  return body;
}
