import 'server-only';
import type { Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors/app-error';
import { exportAgencyRecordsCsv } from '@/lib/records/agency-export';

const noStore = { 'cache-control': 'no-store' };

/**
 * The coordinator's download as an HTTP answer. Refusals are JSON with the domain's code: 401 to
 * strangers, 403 to anyone who is not a coordinator of an agency.
 */
export async function agencyRecordsCsvResponse(db: Db, actor: TActor): Promise<Response> {
  try {
    const exported = await exportAgencyRecordsCsv(db, actor);
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
