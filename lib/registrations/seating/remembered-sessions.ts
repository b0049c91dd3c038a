import 'server-only';
import { processSingleton } from '@/lib/process/process-singleton';
import type { TLoadedSession } from '../place-session';

/**
 * The sessions people are registering for, as last read, so the common registration needs no read
 * before its one statement. Never trusted: that statement takes the seat only if the session and
 * its workshop still say exactly what the emails were written from (see one-statement.ts), and
 * any other outcome reads the session afresh and remembers it again.
 */
const MAX_SESSIONS = 500;
const sessions = () => processSingleton('remembered-sessions', () => new Map<string, TLoadedSession>());

export function rememberedSession(sessionId: string): TLoadedSession | undefined {
  return sessions().get(sessionId);
}

export function rememberSession(session: TLoadedSession): void {
  const map = sessions();
  // Re-inserting moves it to the end, so the oldest is the first key.
  map.delete(session.id);
  map.set(session.id, session);
  if (map.size > MAX_SESSIONS) map.delete(map.keys().next().value!);
}
