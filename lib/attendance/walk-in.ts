import 'server-only';
import type { Db } from '@/db';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { registerForSession } from '@/lib/registrations/register';
import { recordAttendance, type TAttendanceDto } from './record';

export type TWalkInInput = { name: string; email: string; agency?: string };

/**
 * Someone at the door without a place: confirmed (over capacity if need be, since they are in the
 * room) and marked attended, in one transaction, so a refusal of either leaves no half-added
 * person and no confirmation email. They get the same confirmation as anyone, so the certificate
 * and their training record find them by email later.
 */
export async function addWalkIn(db: Db, actor: TActor, sessionId: string, input: TWalkInInput, now: Date = new Date()): Promise<TAttendanceDto> {
  assertTrainer(actor);
  return db.transaction(async (tx) => {
    const place = await registerForSession(tx, actor, sessionId, input, { allowOutsideWindow: true, allowOverbook: true, now });
    const { registration } = await recordAttendance(tx, actor, place.id, { status: 'attended' }, now);
    return registration;
  });
}
