import 'server-only';
import * as workshops from '@/lib/workshops/workshops';
import { notFoundError } from '@/lib/errors/app-error';
import { jsonBody, optionalActor, trainerActor, type TApiContext, type TApiHandle } from '../_lib/api-handler';
import { created, param } from '../_lib/http';

/** Published workshops; with a trainer's token, every workshop (drafts and archived too). */
export async function listWorkshops({ db, request }: TApiContext): Promise<Response> {
  const actor = await optionalActor(db, request);
  const items = actor?.role === 'trainer' ? await workshops.listWorkshopsForTrainer(db, actor) : await workshops.listPublishedWorkshops(db);
  return Response.json({ items });
}

export async function createWorkshop({ db, request }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  const workshop = await workshops.createWorkshop(db, actor, await jsonBody(request));
  return created(workshop, `/api/v1/workshops/${workshop.id}`);
}

/** A draft or archived workshop exists only for trainers; anyone else gets the same 404 as for a wrong id. */
export async function getWorkshop({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await optionalActor(db, request);
  const id = param(params, 'id');
  if (actor?.role === 'trainer') return Response.json(await workshops.getWorkshopForTrainer(db, actor, id));
  // The domain has no public lookup by id; the published list is short (tens of workshops).
  const workshop = (await workshops.listPublishedWorkshops(db)).find((w) => w.id === id);
  if (!workshop) throw notFoundError('Workshop');
  return Response.json(workshop);
}

export async function updateWorkshop({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  return Response.json(await workshops.updateWorkshop(db, actor, param(params, 'id'), await jsonBody(request)));
}

function statusChange(action: workshops.TWorkshopAction): TApiHandle {
  return async ({ db, request, params }) => {
    const actor = await trainerActor(db, request);
    return Response.json(await workshops.changeWorkshopStatus(db, actor, param(params, 'id'), action));
  };
}

export const publishWorkshop = statusChange('publish');
export const unpublishWorkshop = statusChange('unpublish');
export const archiveWorkshop = statusChange('archive');
