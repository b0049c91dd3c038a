import 'server-only';
import type { TLoadedSession } from './place-session';

/**
 * The sessions people are registering for, as last read, so the common registration needs no read
 * before its one statement. Never trusted: that statement takes the seat only if the session and
 * its workshop still say exactly what the emails were written from (see confirmInOneStatement),
 * and any other outcome reads the session afresh and remembers it again.
 */
const MAX_SESSIONS = 500;
const sessions = new Map<string, TLoadedSession>();

export function cachedPlaceSession(sessionId: string): TLoadedSession | undefined {
  return sessions.get(sessionId);
}

export function rememberPlaceSession(session: TLoadedSession): void {
  // Re-inserting moves it to the end, so the oldest is the first key.
  sessions.delete(session.id);
  sessions.set(session.id, session);
  if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
}
