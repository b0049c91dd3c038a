import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { recordAudit } from './record';

/** A trainer's or coordinator's sign-in is recorded (they see other people's data); an officer's is not. */
export async function recordStaffSignIn(db: Db, userId: string): Promise<void> {
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (user?.role !== 'trainer' && user?.role !== 'coordinator') return;
  await recordAudit(db, { actorId: userId, action: 'signed_in', subjectType: 'user', subjectId: userId, details: { role: user.role } });
}
