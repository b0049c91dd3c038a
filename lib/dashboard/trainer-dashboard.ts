import 'server-only';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db';
import { trainingSessions, workshops } from '@/db/schema';
import { listRenewalsDue, type TRenewalDue } from '@/lib/agencies/agencies';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { hydrateTrainerSessions } from '@/lib/sessions/sessions';
import type { TTrainerSessionDto } from '@/lib/sessions/dto';

export type TTrainerDashboard = {
  upcoming: TTrainerSessionDto[];
  drafts: { id: string; title: string; updatedAt: string }[];
  renewalsDue: TRenewalDue[];
};

export async function getTrainerDashboard(db: Db, actor: TActor, now = new Date()): Promise<TTrainerDashboard> {
  assertTrainer(actor);
  const [sessionRows, drafts, renewalsDue] = await Promise.all([
    db
      .select()
      .from(trainingSessions)
      .where(and(gt(trainingSessions.endsAt, now), eq(trainingSessions.status, 'scheduled')))
      .orderBy(asc(trainingSessions.startsAt))
      .limit(20),
    db
      .select({ id: workshops.id, title: workshops.title, updatedAt: workshops.updatedAt })
      .from(workshops)
      .where(eq(workshops.status, 'draft'))
      .orderBy(desc(workshops.updatedAt)),
    listRenewalsDue(db, actor, 60, now),
  ]);
  return {
    upcoming: await hydrateTrainerSessions(db, sessionRows),
    drafts: drafts.map((d) => ({ ...d, updatedAt: d.updatedAt.toISOString() })),
    renewalsDue,
  };
}
