import 'server-only';
import type { Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors/app-error';
import { exportRosterCsv } from '@/lib/roster/export';

const noStore = { 'cache-control': 'no-store' };

/**
 * The roster download as an HTTP answer. Refusals are JSON with the domain's code: 401 to
 * strangers, 403 to officers, 404 for a session that is not there.
 */
export async function rosterCsvResponse(db: Db, actor: TActor, sessionId: string): Promise<Response> {
  try {
    const exported = await exportRosterCsv(db, actor, sessionId);
    return new Response(exported.csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${exported.filename}"`,
        // Personal data: neither the browser nor anything in between may keep a copy.
        ...noStore,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers: noStore });
    }
    throw error;
  }
}
