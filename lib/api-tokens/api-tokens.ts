import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { apiTokens, users, type TUserRole } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { fieldError, notFoundError } from '@/lib/errors/app-error';
import { recordAudit } from '@/lib/audit/record';
import { isUuid } from '@/lib/workshops/workshops';

const TOKEN_PREFIX = 'mst_';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type TApiTokenDto = { id: string; name: string; displayPrefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/**
 * Trainers hold tokens with a trainer's reach; a coordinator's token reaches only what their
 * agency may do (nominations, substitutions, its approvals), since it acts as them.
 */
function assertMayHoldTokens(actor: TActor): asserts actor is { id: string; role: 'trainer' | 'coordinator' } {
  if (actor?.role === 'coordinator') return;
  assertTrainer(actor);
}

/** Creates a token for a trainer or a coordinator; the token itself is returned once and never stored. */
export async function createApiToken(db: Db, actor: TActor, name: string): Promise<{ token: string; id: string }> {
  assertMayHoldTokens(actor);
  const trimmed = name.trim();
  if (!trimmed) throw fieldError('name', 'Name the token after what will use it, like "Records system sync".');
  if (trimmed.length > 100) throw fieldError('name', 'The name can be at most 100 characters.');
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.id, name: trimmed, tokenHash: hashToken(token), displayPrefix: token.slice(0, 10) })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, { actorId: actor.id, action: 'api_token.created', subjectType: 'api_token', subjectId: row!.id, details: { name: trimmed } });
    return { token, id: row!.id };
  });
}

export async function listApiTokens(db: Db, actor: TActor): Promise<TApiTokenDto[]> {
  assertMayHoldTokens(actor);
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, actor.id)).orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    displayPrefix: r.displayPrefix,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** A person can revoke only their own tokens. */
export async function revokeApiToken(db: Db, actor: TActor, id: string): Promise<void> {
  assertMayHoldTokens(actor);
  if (!isUuid(id)) throw notFoundError('API token');
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (rows.length === 0) throw notFoundError('API token');
    await recordAudit(tx, { actorId: actor.id, action: 'api_token.revoked', subjectType: 'api_token', subjectId: id, details: { name: rows[0]!.name } });
  });
}

/** The person a bearer token belongs to, or null for an unknown or revoked token. */
export async function authenticateApiToken(db: Db, token: string): Promise<{ id: string; role: TUserRole } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select({ tokenId: apiTokens.id, id: users.id, role: users.role, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  // Recorded at most once a minute, so a busy integration does not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  }
  return { id: row.id, role: row.role };
}

/** For the command line: the person with this email, made a trainer (created if new). */
export async function ensureTrainer(db: Db, email: string): Promise<{ id: string; role: 'trainer' }> {
  const normalized = email.trim().toLowerCase();
  const [row] = await db
    .insert(users)
    .values({ email: normalized, role: 'trainer' })
    .onConflictDoUpdate({ target: users.email, set: { role: 'trainer', trainerRemovedAt: null } })
    .returning({ id: users.id });
  return { id: row!.id, role: 'trainer' };
}
