import 'server-only';
import { cache } from 'react';
import type { TUserRole } from '@/db/schema';
import { auth } from './auth';

export type TCurrentUser = { id: string; email: string; name: string | null; role: TUserRole };

/** The signed-in person for this request, or null; read once per request. */
export const getCurrentUser = cache(async (): Promise<TCurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const { id, email, name, role } = session.user;
  return { id, email, name: name ?? null, role };
});
