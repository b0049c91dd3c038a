import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Sign-in problem' };

const messages: Record<string, string> = {
  Verification: 'This sign-in link has already been used or has expired. Links work once, for 30 minutes.',
  AccessDenied: 'This account may not sign in.',
  Configuration: 'Sign-in is not available right now. Please try again later.',
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-3xl font-bold">We could not sign you in</h1>
      <div className="card space-y-3">
        <p>{messages[error ?? ''] ?? 'Something went wrong while signing you in.'}</p>
        <p>
          <Link href="/signin">Ask for a new sign-in link</Link>
        </p>
      </div>
    </div>
  );
}
