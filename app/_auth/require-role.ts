import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import type { TUserRole } from '@/db/schema';
import { getCurrentUser, type TCurrentUser } from '@/lib/auth/current-user';

/**
 * For pages: strangers are sent to sign in and come back; signed-in people without the role get
 * a 403 page. Domain functions check the role again: this only decides what the page shows.
 */
export async function requireRole(role: TUserRole, returnTo: string): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (user.role !== role) forbidden();
  return user;
}
