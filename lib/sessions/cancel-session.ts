import 'server-only';
import type { Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { updateSession } from './sessions';

/**
 * Cancels a session: everyone registered is told (confirmed people with METHOD:CANCEL), with the
 * trainer's message when given. The same as `PATCH {"status":"cancelled"}`.
 */
export async function cancelSession(db: Db, actor: TActor, sessionId: string, options: { message?: string } = {}) {
  return updateSession(db, actor, sessionId, { status: 'cancelled', cancellationMessage: options.message ?? '' });
}
