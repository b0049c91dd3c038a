'use client';

import Link from 'next/link';
import type { TUserRole } from '@/db/schema/auth';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { roleLabels } from '@/lib/auth/role-labels';
import { signOutAction } from './sign-out-action';

type TSessionUser = { email: string; name?: string | null; role: TUserRole };

/**
 * The signed-in part of the header is read in the browser, so every public page can be served
 * from Next's cache whoever is looking at it.
 */
export function AccountMenu() {
  const [user, setUser] = useState<TSessionUser | null | undefined>(undefined);
  const pathname = usePathname();

  useEffect(() => {
    let cancelled = false;
    fetch('/api/auth/session', { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((session: { user?: TSessionUser } | null) => {
        if (!cancelled) setUser(session?.user ?? null);
      })
      .catch(() => {
        if (!cancelled) setUser(null);
      });
    return () => {
      cancelled = true;
    };
  }, [pathname]);

  if (user === undefined) return <div className="min-h-9 min-w-24" aria-hidden="true" />;
  if (!user) {
    return (
      <Link href="/signin" className="font-semibold text-white">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <Link href="/me" className="font-semibold text-white" aria-current={pathname === '/me' ? 'page' : undefined}>
        My training
      </Link>
      {user.role === 'coordinator' && (
        <Link href="/agency" className="font-semibold text-white" aria-current={pathname === '/agency' ? 'page' : undefined}>
          Agency records
        </Link>
      )}
      {user.role === 'trainer' && (
        <Link href="/trainer" className="font-semibold text-white">
          Trainer dashboard
        </Link>
      )}
      <p>
        <span className="sr-only">Signed in as </span>
        <span className="font-semibold">{user.name || user.email}</span>{' '}
        <span className="rounded bg-white/15 px-2 py-0.5">{roleLabels[user.role]}</span>
      </p>
      <form action={signOutAction}>
        <button type="submit" className="rounded-md border border-white/60 px-3 py-1.5 font-semibold text-white hover:bg-white/10">
          Sign out
        </button>
      </form>
    </div>
  );
}
