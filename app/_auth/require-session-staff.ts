import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { getCurrentUser } from '@/lib/auth/current-user';
import { staffRoleIn, type TStaffRole } from '@/lib/sessions/session-staff';

/**
 * For the pages session staff may open (a session's roster and check-in): strangers sign in and
 * come back; anyone who is neither a trainer nor a co-facilitator of this session gets the 403
 * page. The domain checks again; this decides what the page shows.
 */
export async function requireSessionStaff(sessionId: string, returnTo: string): Promise<{ actor: NonNullable<TActor>; role: TStaffRole }> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  const actor = { id: user.id, role: user.role };
  const role = await staffRoleIn(await getDb(), actor, sessionId);
  if (!role) forbidden();
  return { actor, role };
}
