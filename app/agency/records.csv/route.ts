import { currentActor } from '@/app/_lib/trainer-action';
import { getDb } from '@/db';
import { agencyRecordsCsvResponse } from '../_lib/records-csv-response';

/** The agency's records as CSV, for its coordinator signed in to /agency (a cookie, not an API token). */
export async function GET(): Promise<Response> {
  return agencyRecordsCsvResponse(await getDb(), await currentActor());
}
