import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencies, users } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { forbiddenError, unauthorizedError } from '@/lib/errors/app-error';

export type TCoordinatorAgency = { id: string; name: string };

/**
 * The one agency whose people a coordinator may see. Read from the user's row on every call, not
 * from the sign-in session: a trainer may have removed the role or the agency a moment ago.
 * Trainers are refused too: this view is an agency's own, not a back door for anyone else.
 */
export async function coordinatorAgency(db: Db, actor: TActor): Promise<TCoordinatorAgency> {
  if (!actor) throw unauthorizedError('Sign in to see your agency’s training records.');
  if (actor.role !== 'coordinator') throw forbiddenError('Only an agency’s coordinator can see its training records.');
  const [row] = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.coordinatorAgencyId))
    .where(and(eq(users.id, actor.id), eq(users.role, 'coordinator')));
  if (!row) throw forbiddenError('Your coordinator role is not linked to an agency. Ask a trainer to add you on your agency’s page.');
  return row;
}
