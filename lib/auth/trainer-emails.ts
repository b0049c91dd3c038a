import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';

/**
 * TRAINER_EMAILS grants the trainer role at a person's first sign-in only, so the list bootstraps
 * a deployment but never overrides a trainer's decision later: someone removed as a trainer stays
 * removed however often they sign in, and nobody is demoted by leaving the list. Only an officer
 * is promoted (a coordinator is appointed by a trainer, and keeps that role).
 */
export async function grantListedTrainerAtFirstSignIn(
  db: Db,
  signIn: { userId: string; email: string; isNewUser: boolean },
  trainerEmails: string[],
): Promise<boolean> {
  if (!signIn.isNewUser || !trainerEmails.includes(signIn.email.toLowerCase())) return false;
  const granted = await db
    .update(users)
    .set({ role: 'trainer' })
    .where(and(eq(users.id, signIn.userId), eq(users.role, 'officer'), isNull(users.trainerRemovedAt)))
    .returning({ id: users.id });
  return granted.length > 0;
}
