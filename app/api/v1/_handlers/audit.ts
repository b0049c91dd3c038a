import 'server-only';
import { listAuditEntries as listDomain } from '@/lib/audit/query';
import { trainerActor, type TApiContext } from '../_lib/api-handler';

/** GET /api/v1/audit: the filters are the query string's, exactly as on the audit page. */
export async function listAuditEntries({ db, request }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  const page = await listDomain(db, actor, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(page, { headers: { 'cache-control': 'private, no-store' } });
}
