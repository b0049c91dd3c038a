import 'server-only';
import { describeError } from '@/lib/errors/describe-error';
import type { Db } from '@/db';
import { ICS_CONTENT_TYPE } from '@/lib/calendar';
import { renderFeed } from '@/lib/calendar-feeds/feeds';

const plain = (status: number, text: string) =>
  new Response(`${text}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-robots-tag': 'noindex' },
  });

/**
 * The answer to `/calendar/<feedId>/<token>.ics`. The token is the secret, so it is never logged,
 * and every refusal is the same 404, whatever was wrong.
 */
export async function feedResponse(db: Db, feedId: string, file: string): Promise<Response> {
  const token = /^(.+)\.ics$/.exec(file)?.[1];
  if (!token) return plain(404, 'Not found.');
  let ics: string | null;
  try {
    ics = await renderFeed(db, feedId, token);
  } catch (error) {
    console.error(`calendar feed: could not render a feed: ${describeError(error)}`);
    return plain(500, 'The calendar could not be made just now. Try again later.');
  }
  if (ics === null) return plain(404, 'Not found.');
  return new Response(ics, {
    headers: {
      'content-type': ICS_CONTENT_TYPE,
      // Calendar apps poll; five minutes spares the database without leaving changes waiting long.
      'cache-control': 'private, max-age=300',
      'content-disposition': 'inline; filename="muster.ics"',
      'x-robots-tag': 'noindex',
    },
  });
}
