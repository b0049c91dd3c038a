import 'server-only';
import { nominateOfficers } from '@/lib/agencies/nominations';
import { ZNominations } from '@/lib/agencies/nominee-list';
import { substituteNominee } from '@/lib/agencies/nominee-changes';
import { parseInput } from '@/lib/errors/app-error';
import { coordinatorActor, jsonBody, type TApiContext } from '../_lib/api-handler';
import { param } from '../_lib/http';

/** A coordinator's system registers officers of its agency into a session open to it. */
export async function nominateOfficersForSession({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await coordinatorActor(db, request);
  const { officers } = parseInput(ZNominations, await jsonBody(request));
  const items = await nominateOfficers(db, actor, param(params, 'id'), officers);
  return Response.json(
    { items: items.map(({ registrationId, status, waitlistPosition }) => ({ id: registrationId, status, ...(waitlistPosition !== undefined && { waitlistPosition }) })) },
    { status: 201 },
  );
}

/** A coordinator's system sends another of its officers in place of one registered. */
export async function substituteRegistration({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await coordinatorActor(db, request);
  const result = await substituteNominee(db, actor, param(params, 'id'), await jsonBody(request));
  return Response.json(
    { id: result.id, status: result.status, ...(result.status === 'waitlisted' && { waitlistPosition: result.waitlistPosition }) },
    { status: 201 },
  );
}
