import { currentActor } from '@/app/_lib/trainer-action';
import { getDb } from '@/db';
import { rosterCsvResponse } from '../_lib/roster-csv-response';

/** The roster as a CSV download, for the trainer signed in to the roster page (a cookie, not an API token). */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return rosterCsvResponse(await getDb(), await currentActor(), id);
}
