import 'server-only';
import { decodeCursor, getPublicSession, listCatalogueSessions } from '@/lib/catalogue/catalogue';
import { fieldError, notFoundError, parseInput } from '@/lib/errors/app-error';
import * as sessions from '@/lib/sessions/sessions';
import { getWorkshopForTrainer, isUuid } from '@/lib/workshops/workshops';
import { jsonBody, trainerActor, type TApiContext } from '../_lib/api-handler';
import { ZSessionListQuery } from '../_lib/query';
import { created, param } from '../_lib/http';

/** The public catalogue as a keyset-paged list: upcoming, public, scheduled sessions of published workshops. */
export async function listSessions({ db, request }: TApiContext): Promise<Response> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { limit, cursor, ...filters } = parseInput(ZSessionListQuery, query);
  const after = decodeCursor(cursor);
  if (cursor && !after) throw fieldError('cursor', 'This cursor is not one this API gave out; start again without it.');
  return Response.json(await listCatalogueSessions(db, filters, { limit, cursor: after }));
}

/** Public: no meeting link and no people, whoever asks. */
export async function getSession({ db, params }: TApiContext): Promise<Response> {
  const session = await getPublicSession(db, param(params, 'id'));
  if (!session) throw notFoundError('Session');
  return Response.json(session);
}

export async function updateSession({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  const id = param(params, 'id');
  // updateSession does not check the id's form; PostgreSQL would refuse a non-UUID with a 500.
  if (!isUuid(id)) throw notFoundError('Session');
  return Response.json(await sessions.updateSession(db, actor, id, await jsonBody(request)));
}

export async function listWorkshopSessions({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  // An unknown workshop is a 404, not an empty list.
  const workshop = await getWorkshopForTrainer(db, actor, param(params, 'id'));
  return Response.json({ items: await sessions.listSessionsOfWorkshop(db, actor, workshop.id) });
}

export async function createWorkshopSession({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  const session = await sessions.createSession(db, actor, param(params, 'id'), await jsonBody(request));
  return created(session, `/api/v1/sessions/${session.id}`);
}
