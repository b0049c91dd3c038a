import { currentActor } from '@/app/_lib/trainer-action';
import { getDb } from '@/db';
import { issueStreamResponse } from '../_lib/issue-stream';

export const dynamic = 'force-dynamic';

/** Closes the roster and issues certificates for the trainer signed in to the roster page, streaming progress. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return issueStreamResponse(await getDb(), await currentActor(), request, id);
}
