import 'server-only';
import { toResponse } from '@/lib/errors/answers';

// Personal data: neither the browser nor anything in between may keep a copy.
const noStore = { 'cache-control': 'private, no-store' };

/** A download of personal records (CSV, PDF) as an HTTP answer. */
export function privateDownload(body: string | Uint8Array, contentType: string, filename: string): Response {
  return new Response(typeof body === 'string' ? body : Buffer.from(body), {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${filename}"`,
      ...noStore,
      'x-content-type-options': 'nosniff',
    },
  });
}

/**
 * Runs an export and answers the file; the domain's refusals become the API's JSON (toResponse:
 * 401 to strangers, 403 to the wrong role, 404 for a record that is not there).
 */
export async function exportResponse(run: () => Promise<{ csv: string; filename: string }>): Promise<Response> {
  try {
    const exported = await run();
    return privateDownload(exported.csv, 'text/csv; charset=utf-8', exported.filename);
  } catch (error) {
    const refused = toResponse(error);
    refused.headers.set('cache-control', noStore['cache-control']);
    return refused;
  }
}
