import 'server-only';
import { exportResponse } from '@/app/_lib/private-download';
import type { Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { exportRosterCsv } from '@/lib/roster/export';

/** The roster download: 401 to strangers, 403 to officers, 404 for a session that is not there. */
export function rosterCsvResponse(db: Db, actor: TActor, sessionId: string): Promise<Response> {
  return exportResponse(() => exportRosterCsv(db, actor, sessionId));
}
