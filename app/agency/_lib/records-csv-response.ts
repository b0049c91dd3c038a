import 'server-only';
import { exportResponse } from '@/app/_lib/private-download';
import type { Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { exportAgencyRecordsCsv } from '@/lib/records/agency-export';

/** The coordinator's download: 401 to strangers, 403 to anyone who is not a coordinator of an agency. */
export function agencyRecordsCsvResponse(db: Db, actor: TActor): Promise<Response> {
  return exportResponse(() => exportAgencyRecordsCsv(db, actor));
}
