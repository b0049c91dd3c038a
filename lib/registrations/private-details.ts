import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { registrations } from '@/db/schema';
import { parseInput } from '@/lib/errors/app-error';
import { ZAccessNeeds, ZBadgeNumber } from './schemas';

/**
 * A change to what a person said about themselves that the manage link never shows back: a
 * field left empty keeps what was given, `clear…` removes it.
 */
export const ZPrivateDetailsChange = z.object({
  badgeNumber: ZBadgeNumber.default(''),
  accessNeeds: ZAccessNeeds.default(''),
  clearBadgeNumber: z.boolean().default(false),
  clearAccessNeeds: z.boolean().default(false),
});

export type TPrivateDetailsChange = z.input<typeof ZPrivateDetailsChange>;

/** Replaces or clears the badge number and access needs; says which changed, in words for the page. */
export async function replacePrivateDetails(db: Db, registrationId: string, input: TPrivateDetailsChange): Promise<string[]> {
  const change = parseInput(ZPrivateDetailsChange, input);
  const set: { badgeNumber?: string; accessNeeds?: string } = {};
  if (change.clearBadgeNumber) set.badgeNumber = '';
  else if (change.badgeNumber) set.badgeNumber = change.badgeNumber;
  if (change.clearAccessNeeds) set.accessNeeds = '';
  else if (change.accessNeeds) set.accessNeeds = change.accessNeeds;
  if (Object.keys(set).length === 0) return [];
  await db.update(registrations).set(set).where(eq(registrations.id, registrationId));
  return [set.badgeNumber !== undefined && 'badge or staff number', set.accessNeeds !== undefined && 'access needs'].filter((word): word is string => Boolean(word));
}
