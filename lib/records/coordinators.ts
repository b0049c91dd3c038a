import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { agencies, users } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { fieldError, notFoundError, parseInput } from '@/lib/errors/app-error';
import { recordAudit } from '@/lib/audit/record';
import { isUuid } from '@/lib/workshops/workshops';

export type TCoordinatorDto = { id: string; email: string; name: string | null };

export const ZCoordinatorGrant = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('Enter a valid email address.').max(320)),
});

async function agencyOf(db: Db, agencyId: string): Promise<{ id: string; name: string }> {
  if (!isUuid(agencyId)) throw notFoundError('Agency');
  const [agency] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw notFoundError('Agency');
  return agency;
}

/** The people who see this agency's records, by email. */
export async function listCoordinators(db: Db, actor: TActor, agencyId: string): Promise<TCoordinatorDto[]> {
  assertTrainer(actor);
  const agency = await agencyOf(db, agencyId);
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'coordinator'), eq(users.coordinatorAgencyId, agency.id)))
    .orderBy(asc(users.email));
}

export type TGrantResult = { coordinator: TCoordinatorDto; agencyName: string; alreadyCoordinator: boolean };

/**
 * Makes the person with this email the agency's coordinator. Someone who has never signed in gets
 * a user row now, so their first magic-link sign-in with that address lands on the agency view.
 * A trainer is never demoted, and a coordinator of another agency is not taken from it silently.
 */
export async function grantCoordinator(db: Db, actor: TActor, agencyId: string, input: unknown): Promise<TGrantResult> {
  assertTrainer(actor);
  const { email } = parseInput(ZCoordinatorGrant, input);
  return db.transaction(async (tx) => {
    const agency = await agencyOf(tx, agencyId);
    // Insert-if-missing first, then lock: two trainers granting at once cannot both create the row.
    await tx.insert(users).values({ email }).onConflictDoNothing({ target: users.email });
    const [user] = await tx.select().from(users).where(eq(users.email, email)).for('update');
    if (!user) throw new Error(`The user row for a coordinator grant vanished inside its transaction`);
    if (user.role === 'trainer') {
      throw fieldError('email', `${email} is a trainer. Trainers keep their role; a trainer cannot be made a coordinator.`, 'conflict', 409);
    }
    const coordinator = { id: user.id, email: user.email, name: user.name };
    if (user.role === 'coordinator' && user.coordinatorAgencyId === agency.id) {
      return { coordinator, agencyName: agency.name, alreadyCoordinator: true };
    }
    if (user.role === 'coordinator' && user.coordinatorAgencyId) {
      const [other] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, user.coordinatorAgencyId));
      throw fieldError('email', `${email} is already the coordinator for ${other?.name ?? 'another agency'}. Remove them there first.`, 'conflict', 409);
    }
    await tx.update(users).set({ role: 'coordinator', coordinatorAgencyId: agency.id }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'coordinator.granted',
      subjectType: 'user',
      subjectId: user.id,
      personEmail: user.email,
      details: { agencyId: agency.id, previousRole: user.role },
    });
    return { coordinator, agencyName: agency.name, alreadyCoordinator: false };
  });
}

/**
 * Takes the role back: the person is an officer again and sees only their own training. Only a
 * coordinator of this agency can be removed here, so no trainer is ever demoted by it.
 */
export async function removeCoordinator(db: Db, actor: TActor, agencyId: string, userId: string): Promise<TCoordinatorDto> {
  assertTrainer(actor);
  return db.transaction(async (tx) => {
    const agency = await agencyOf(tx, agencyId);
    const [user] = await tx
      .update(users)
      .set({ role: 'officer', coordinatorAgencyId: null })
      .where(and(eq(users.id, userId), eq(users.role, 'coordinator'), eq(users.coordinatorAgencyId, agency.id)))
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) throw notFoundError('Coordinator');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'coordinator.removed',
      subjectType: 'user',
      subjectId: user.id,
      personEmail: user.email,
      details: { agencyId: agency.id },
    });
    return user;
  });
}
