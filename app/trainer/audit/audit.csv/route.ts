import { exportResponse } from '@/app/_lib/private-download';
import { currentActor } from '@/app/_lib/trainer-action';
import { getDb } from '@/db';
import { exportAuditCsv } from '@/lib/audit/export';

/** The audit log's entries for the page's filters as CSV, for the signed-in trainer; the export is itself recorded. */
export async function GET(request: Request): Promise<Response> {
  const filters = Object.fromEntries(new URL(request.url).searchParams);
  return exportResponse(async () => exportAuditCsv(await getDb(), await currentActor(), filters));
}
