import 'server-only';
import { ICS_CONTENT_TYPE } from '@/lib/calendar';
import { sessionCalendarFile } from '@/lib/calendar-feeds/session-download';
import { notFoundError } from '@/lib/errors/app-error';
import type { TApiContext } from '../_lib/api-handler';
import { param } from '../_lib/http';

/** The session as a calendar file: the same sessions `getSession` shows, and as little about them. */
export async function getSessionCalendar({ db, params }: TApiContext): Promise<Response> {
  const file = await sessionCalendarFile(db, param(params, 'id'));
  if (!file) throw notFoundError('Session');
  return new Response(file.ics, {
    headers: {
      'content-type': ICS_CONTENT_TYPE,
      'content-disposition': `attachment; filename="${file.filename}"`,
      // A moved or cancelled session must reach the next download, not a cached copy.
      'cache-control': 'no-cache',
    },
  });
}
