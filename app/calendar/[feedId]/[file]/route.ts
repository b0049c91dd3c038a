import { getDb } from '@/db';
import { feedResponse } from '../../_lib/feed-response';

// Calendar apps poll a feed for changes: rendered from the database on each request.
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ feedId: string; file: string }> }): Promise<Response> {
  const { feedId, file } = await context.params;
  return feedResponse(await getDb(), feedId, file);
}
