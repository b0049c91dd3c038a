import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { users, type TPaperSize } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { parseInput } from '@/lib/errors/app-error';

export type TCertificatePaper = TPaperSize;

export const ZCertificatePaper = z.object({
  paper: z.enum(['a4', 'letter'], { error: 'Choose A4 or US Letter.' }),
});

/** The paper this trainer's certificates are printed on (A4 unless they chose US Letter). */
export async function getCertificatePaper(db: Db, actor: TActor): Promise<TCertificatePaper> {
  assertTrainer(actor);
  const [row] = await db.select({ paper: users.certificatePaper }).from(users).where(eq(users.id, actor.id));
  return row?.paper ?? 'a4';
}

/** Certificates issued from now on use it; those already issued keep the paper they were issued on. */
export async function setCertificatePaper(db: Db, actor: TActor, paper: unknown): Promise<TCertificatePaper> {
  assertTrainer(actor);
  const input = parseInput(ZCertificatePaper, { paper });
  await db.update(users).set({ certificatePaper: input.paper }).where(eq(users.id, actor.id));
  return input.paper;
}
