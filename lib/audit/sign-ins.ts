import 'server-only';
import type { Db } from '@/db';
import type { TUserRole } from '@/db/schema';
import { recordAudit } from './record';

/** A trainer's or coordinator's sign-in is recorded (they see other people's data); an officer's is not. */
export async function recordStaffSignIn(db: Db, user: { id: string; role: TUserRole }): Promise<void> {
  if (user.role !== 'trainer' && user.role !== 'coordinator') return;
  await recordAudit(db, { actorId: user.id, action: 'signed_in', subjectType: 'user', subjectId: user.id, details: { role: user.role } });
}
