import 'server-only';
import { assertRegistrationExists, recordAttendance as recordDomain } from '@/lib/attendance/record';
import { jsonBody, trainerActor, type TApiContext } from '../_lib/api-handler';
import { param } from '../_lib/http';

/**
 * Records one person's attendance. The token is checked before the body is read (401/403 before
 * 422); an unknown registration is a 404 whatever the body. Repeating a call is answered 200 with
 * `changed: false`.
 */
export async function recordAttendance({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  const id = param(params, 'id');
  const body = await jsonBody(request).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if ('error' in body) {
    await assertRegistrationExists(db, id);
    throw body.error;
  }
  const { changed, registration } = await recordDomain(db, actor, id, body.value);
  return Response.json({
    id: registration.id,
    attendance: registration.attendance,
    attendedHours: registration.attendedHours,
    changed,
  });
}
