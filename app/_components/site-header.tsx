import Link from 'next/link';
import { getCurrentUser, roleLabels } from '@/lib/auth/current-user';
import { signOutAction } from './sign-out-action';

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-brand-800 bg-brand-700 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-wide text-white no-underline">
          Muster
        </Link>
        <nav aria-label="Main" className="flex-1">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link href="/" className="text-white">
                Workshops
              </Link>
            </li>
            {user?.role === 'trainer' && (
              <li>
                <Link href="/trainer" className="text-white">
                  Trainer dashboard
                </Link>
              </li>
            )}
          </ul>
        </nav>
        {user ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <p>
              <span className="sr-only">Signed in as </span>
              <span className="font-semibold">{user.name ?? user.email}</span>{' '}
              <span className="rounded bg-white/15 px-2 py-0.5">{roleLabels[user.role]}</span>
            </p>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-white/60 px-3 py-1.5 font-semibold text-white hover:bg-white/10">
                Sign out
              </button>
            </form>
          </div>
        ) : (
          <Link href="/signin" className="font-semibold text-white">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
