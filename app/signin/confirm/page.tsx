import type { Metadata } from 'next';
import Link from 'next/link';
import { safeCallbackPath } from '@/lib/auth/sign-in-request';

export const metadata: Metadata = { title: 'Confirm sign-in' };

type Params = { token?: string; email?: string; callbackUrl?: string };

/**
 * The emailed link lands here and the button completes the sign-in: link scanners that open
 * every URL in a message do not press buttons, so they cannot spend the single-use token.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { token, email, callbackUrl } = await searchParams;
  if (!token || !email) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-4 text-3xl font-bold">This sign-in link is incomplete</h1>
        <p className="card">
          Copy the whole link from the email, or <Link href="/signin">ask for a new one</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Sign in to Muster</h1>
      <form method="get" action="/api/auth/callback/email" className="card space-y-4">
        <p>
          You are signing in as <strong>{email}</strong>.
        </p>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={safeCallbackPath(callbackUrl ? pathOf(callbackUrl) : '/')} />
        <button type="submit" className="btn-primary w-full">
          Continue
        </button>
      </form>
    </div>
  );
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url, 'http://muster.invalid');
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return '/';
  }
}
