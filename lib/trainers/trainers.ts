import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { apiTokens, sessions, users } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { AppError, fieldError, parseInput } from '@/lib/errors/app-error';
import { recordAudit } from '@/lib/audit/record';

export type TTrainerDto = { id: string; email: string; name: string | null; since: string };

export const ZTrainerEmail = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('Enter a valid email address.').max(320)),
});

/** Who grants or withdraws: a trainer on the settings page, or the operator at the command line. */
export type TTrainerChangeBy = { actorId: string } | 'command line';

const actorIdOf = (by: TTrainerChangeBy) => (by === 'command line' ? null : by.actorId);

export async function listTrainers(db: Db, actor: TActor): Promise<TTrainerDto[]> {
  assertTrainer(actor);
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.role, 'trainer'))
    .orderBy(asc(users.email));
  return rows.map(({ createdAt, ...row }) => ({ ...row, since: createdAt.toISOString() }));
}

export type TTrainerGrant = { trainer: TTrainerDto; alreadyTrainer: boolean };

/**
 * Makes the person with this email a trainer, creating their user now if they have never signed
 * in (their first sign-in then lands on the dashboard). A coordinator is not turned into a
 * trainer silently: they are removed from their agency first, on its page. A granted role is
 * never refused later by TRAINER_EMAILS, so this also undoes a removal.
 */
export async function grantTrainerRole(db: Db, by: TTrainerChangeBy, input: unknown): Promise<TTrainerGrant> {
  const { email } = parseInput(ZTrainerEmail, input);
  return db.transaction(async (tx) => {
    await tx.insert(users).values({ email }).onConflictDoNothing({ target: users.email });
    const [user] = await tx.select().from(users).where(eq(users.email, email)).for('update');
    if (!user) throw new Error('The user row for a trainer grant vanished inside its transaction');
    const trainer = { id: user.id, email: user.email, name: user.name, since: user.createdAt.toISOString() };
    if (user.role === 'trainer') return { trainer, alreadyTrainer: true };
    if (user.role === 'coordinator') {
      throw fieldError('email', `${email} is a partner agency's coordinator. Remove them as coordinator on the agency's page first.`, 'conflict', 409);
    }
    await tx.update(users).set({ role: 'trainer', trainerRemovedAt: null }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorId: actorIdOf(by), action: 'trainer.granted', subjectType: 'user', subjectId: user.id, personEmail: email });
    return { trainer, alreadyTrainer: false };
  });
}

export async function addTrainer(db: Db, actor: TActor, input: unknown): Promise<TTrainerGrant> {
  assertTrainer(actor);
  return grantTrainerRole(db, { actorId: actor.id }, input);
}

/** Why this trainer cannot be removed now, or nothing: the one rule for asking first and for removing. */
function removalRefusal(trainers: { id: string; email: string }[], by: TTrainerChangeBy, userId: string): AppError | undefined {
  const target = trainers.find((trainer) => trainer.id === userId);
  if (!target) return new AppError('not_found', 'This person is not a trainer.', 404);
  if (trainers.length > 1) return undefined;
  const message =
    by !== 'command line' && by.actorId === userId
      ? 'You are the only trainer, so you cannot remove yourself: add another trainer first.'
      : `${target.email} is the only trainer: add another trainer first.`;
  return new AppError('conflict', message, 409);
}

/** Refuses, as removeTrainer would, a removal that cannot happen: for a page that asks before it acts. */
export async function assertTrainerRemovable(db: Db, actor: TActor, userId: string): Promise<void> {
  assertTrainer(actor);
  const trainers = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.role, 'trainer'));
  const refusal = removalRefusal(trainers, { actorId: actor.id }, userId);
  if (refusal) throw refusal;
}

/**
 * Takes the trainer role away at once: the person becomes an officer, every sign-in session of
 * theirs ends (the next request finds no session) and every API token of theirs is revoked, in
 * one transaction. TRAINER_EMAILS never grants the role to them again; only a trainer can. The
 * last trainer cannot be removed: every trainer row is locked first, so two trainers removing
 * each other at the same moment still leave one.
 */
export async function withdrawTrainerRole(db: Db, by: TTrainerChangeBy, userId: string): Promise<TTrainerDto> {
  return db.transaction(async (tx) => {
    const trainers = await tx.select().from(users).where(eq(users.role, 'trainer')).orderBy(asc(users.id)).for('update');
    const refusal = removalRefusal(trainers, by, userId);
    if (refusal) throw refusal;
    const target = trainers.find((trainer) => trainer.id === userId)!;
    const now = new Date();
    await tx.update(users).set({ role: 'officer', trainerRemovedAt: now }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      actorId: actorIdOf(by),
      action: 'trainer.removed',
      subjectType: 'user',
      subjectId: userId,
      personEmail: target.email,
      details: { apiTokensRevoked: revoked.length },
    });
    return { id: target.id, email: target.email, name: target.name, since: target.createdAt.toISOString() };
  });
}

export async function removeTrainer(db: Db, actor: TActor, userId: string): Promise<TTrainerDto> {
  assertTrainer(actor);
  return withdrawTrainerRole(db, { actorId: actor.id }, userId);
}

/** The user with this email, for the command line's `remove --email`. */
export async function userIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row?.id;
}
