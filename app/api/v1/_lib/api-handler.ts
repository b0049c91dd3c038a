import 'server-only';
import { getDb, type Db } from '@/db';
import { authenticateApiToken } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { AppError, unauthorizedError } from '@/lib/errors/app-error';

export type TApiContext = { db: Db; request: Request; params: Record<string, string> };

export function apiError(error: AppError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
    { status: error.status, headers: error.status === 401 ? { 'www-authenticate': 'Bearer' } : undefined },
  );
}

/**
 * Wraps a route handler: AppErrors become `{"error":{"code","message","fields"?}}` with their
 * status; anything else is logged and answered with a plain 500 that reveals nothing.
 */
export function apiHandler(handle: (ctx: TApiContext) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      return await handle({ db: await getDb(), request, params: (await context.params) ?? {} });
    } catch (error) {
      if (error instanceof AppError) return apiError(error);
      console.error('api:', error);
      return Response.json({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } }, { status: 500 });
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

/** The request body as JSON; 422 (not a 500) when it is not JSON. */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError('validation_failed', 'The request body must be JSON.', 422, { _: 'The request body must be JSON.' });
  }
}
