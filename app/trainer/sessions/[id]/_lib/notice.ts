import { isUuid } from '@/lib/workshops/workshops';

export type TRosterNotice = 'promoted' | 'removed' | 'session-cancelled';

/**
 * Where an action that moves someone between lists sends the trainer back to. The people are named
 * by registration id, never by name or email: URLs end up in logs and browser history.
 */
export function rosterNoticeUrl(sessionId: string, notice: TRosterNotice, who?: string, movedUp: readonly string[] = []): string {
  const query = new URLSearchParams({ notice });
  if (who) query.set('who', who);
  if (movedUp.length > 0) query.set('up', movedUp.join(','));
  return `/trainer/sessions/${sessionId}?${query.toString()}`;
}

export type TRosterNoticeParams = { notice: TRosterNotice; who: string | null; movedUp: string[] };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The notice from the page's query, or null; ids that are not UUIDs are dropped. */
export function readRosterNotice(query: Record<string, string | string[] | undefined>): TRosterNoticeParams | null {
  const notice = first(query.notice);
  if (notice !== 'promoted' && notice !== 'removed' && notice !== 'session-cancelled') return null;
  const who = first(query.who) ?? '';
  const movedUp = (first(query.up) ?? '').split(',').filter(isUuid);
  return { notice, who: isUuid(who) ? who : null, movedUp };
}
