import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import { createApiToken, ensureTrainer, revokeApiToken } from '@/lib/api-tokens/api-tokens';
import { createSession } from '@/lib/sessions/sessions';
import { changeWorkshopStatus, createWorkshop } from '@/lib/workshops/workshops';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const iso = (ms: number) => new Date(ms).toISOString();

/** A trainer with a live token, an officer with a token, and a revoked token. */
export async function people(db: Db) {
  const trainer = await ensureTrainer(db, 'trainer@example.org');
  const { token } = await createApiToken(db, trainer, 'integration tests');
  const revoked = await createApiToken(db, trainer, 'revoked');
  await revokeApiToken(db, trainer, revoked.id);
  // createApiToken accepts only trainers: make the token while a trainer, then demote.
  const officerAsTrainer = await ensureTrainer(db, 'officer@example.org');
  const officer = await createApiToken(db, officerAsTrainer, 'officer');
  await db.update(users).set({ role: 'officer' }).where(eq(users.id, officerAsTrainer.id));
  return { trainer, token, revokedToken: revoked.token, officerToken: officer.token };
}

type TWorkshopInput = { title: string; slug?: string; summary?: string; topics?: string[]; status?: 'draft' | 'published' | 'archived' };

export async function workshop(db: Db, trainer: { id: string; role: 'trainer' }, input: TWorkshopInput) {
  const { status = 'published', ...fields } = input;
  const created = await createWorkshop(db, trainer, { summary: `About ${fields.title}.`, ...fields });
  if (status === 'draft') return created;
  if (status === 'archived') return changeWorkshopStatus(db, trainer, created.id, 'archive');
  return changeWorkshopStatus(db, trainer, created.id, 'publish');
}

export async function session(db: Db, trainer: { id: string; role: 'trainer' }, workshopId: string, startsAt: number, extra: Record<string, unknown> = {}) {
  return createSession(db, trainer, workshopId, {
    startsAt: iso(startsAt),
    endsAt: iso(startsAt + 3 * HOUR),
    timeZone: 'America/Chicago',
    capacity: 20,
    venue: { name: 'Training room', address: '1 Main St' },
    ...extra,
  });
}
