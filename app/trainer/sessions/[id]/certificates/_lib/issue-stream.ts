import 'server-only';
import { describeError } from '@/lib/errors/describe-error';
import type { Db } from '@/db';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { issueCertificates } from '@/lib/certificates/issue';
import { AppError, forbiddenError } from '@/lib/errors/app-error';
import { isSameOrigin } from './same-origin';

/** One line of the answer, as JSON: progress while rendering, then the outcome. */
export type TIssueEvent =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; issued: number; alreadyIssued: number }
  | { type: 'error'; message: string };

const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function refusal(error: AppError): Response {
  return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
}

/**
 * Issues a session's certificates for the signed-in trainer and streams the progress as NDJSON,
 * so a roster of hundreds shows a moving bar rather than a long wait. Refusals (a stranger, an
 * officer, another site's request, a session not started) are answered before anything is
 * streamed, with their status; the stream starts once the certificates to issue are counted.
 * The `done` line is written only after the transaction commits.
 */
export async function issueStreamResponse(db: Db, actor: TActor, request: Request, sessionId: string): Promise<Response> {
  if (!isSameOrigin(request)) return refusal(forbiddenError('This request did not come from a Muster page.'));
  try {
    assertTrainer(actor);
  } catch (error) {
    if (error instanceof AppError) return refusal(error);
    throw error;
  }

  const encoder = new TextEncoder();
  let output!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (controller) => void (output = controller) });
  const send = (event: TIssueEvent) => {
    try {
      output.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
    } catch {
      // The page was closed: issuing goes on and commits; the trainer sees the result on return.
    }
  };
  const close = () => {
    try {
      output.close();
    } catch {
      // Already closed by the reader going away.
    }
  };

  let streaming = false;
  let begin!: () => void;
  const begun = new Promise<void>((resolve) => (begin = resolve));
  const work = issueCertificates(db, actor, sessionId, {
    onProgress: (done, total) => {
      streaming = true;
      send({ type: 'progress', done, total });
      begin();
    },
  }).then(
    (result) => {
      send({ type: 'done', issued: result.issued.length, alreadyIssued: result.alreadyIssued });
      close();
    },
    (error: unknown) => {
      if (!streaming) throw error;
      console.error(`issuing certificates: ${describeError(error)}`);
      send({ type: 'error', message: 'Something went wrong on our side, so no certificates were issued. Try again.' });
      close();
    },
  );

  try {
    await Promise.race([begun, work]);
  } catch (error) {
    if (error instanceof AppError) return refusal(error);
    throw error;
  }
  // A proxy that buffers (nginx does by default) would hold every line back until the end.
  return new Response(body, { headers: { ...headers, 'content-type': 'application/x-ndjson; charset=utf-8', 'x-accel-buffering': 'no' } });
}
