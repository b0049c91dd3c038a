import 'server-only';
import * as agencies from '@/lib/agencies/agencies';
import { jsonBody, trainerActor, type TApiContext } from '../_lib/api-handler';
import { created, param } from '../_lib/http';

export async function listAgencies({ db, request }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  return Response.json({ items: await agencies.listAgencies(db, actor) });
}

export async function createAgency({ db, request }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  const agency = await agencies.createAgency(db, actor, await jsonBody(request));
  return created(agency, `/api/v1/agencies/${agency.id}`);
}

export async function getAgency({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  return Response.json(await agencies.getAgency(db, actor, param(params, 'id')));
}

export async function updateAgency({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  return Response.json(await agencies.updateAgency(db, actor, param(params, 'id'), await jsonBody(request)));
}

/** Sessions run with the agency stay, without a partner (the schema sets the link to null). */
export async function deleteAgency({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  await agencies.deleteAgency(db, actor, param(params, 'id'));
  return new Response(null, { status: 204 });
}
