import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencies, users } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import type { TMailMessage } from '@/lib/mail/enqueue';
import { sessionMailContext } from '@/lib/registrations/mail';
import type { TPlaceSession } from '@/lib/registrations/messages';

type TPartnerSession = TPlaceSession & { partnerAgencyId: string | null };

/**
 * The partner agency co-runs a joint session, so its coordinators hear of a move or a cancellation
 * as the people registered do (without an invite: they hold no place). None for other sessions.
 */
export async function partnerNotices(
  tx: Db,
  session: TPartnerSession,
  change: { kind: 'changed'; previous: TPlaceSession } | { kind: 'cancelled'; message?: string },
): Promise<TMailMessage<'partner-session-update'>[]> {
  if (!session.partnerAgencyId) return [];
  const coordinators = await tx
    .select({ name: users.name, email: users.email, agencyName: agencies.name })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.coordinatorAgencyId))
    .where(and(eq(users.role, 'coordinator'), eq(users.coordinatorAgencyId, session.partnerAgencyId)))
    .orderBy(asc(users.email));
  const now = sessionMailContext(session, session.workshopTitle);
  const before = change.kind === 'changed' ? sessionMailContext(change.previous, change.previous.workshopTitle) : undefined;
  const agencyUrl = `${getEnv().APP_URL.replace(/\/+$/, '')}/agency`;
  return coordinators.map((coordinator) => ({
    to: coordinator.email,
    sessionId: session.id,
    template: 'partner-session-update',
    props: {
      name: coordinator.name || coordinator.email,
      agencyName: coordinator.agencyName,
      workshopTitle: now.workshopTitle,
      when: now.when,
      where: now.where,
      kind: change.kind,
      ...(before ? { previousWhen: before.when, previousWhere: before.where } : {}),
      ...(change.kind === 'cancelled' && change.message ? { message: change.message } : {}),
      agencyUrl,
    },
  }));
}
