import type { Metadata } from 'next';
import { safeCallbackPath } from '@/lib/auth/sign-in-request';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">Sign in</h1>
      <p className="mb-6 text-slate-700">
        Trainers, agency coordinators and officers sign in with their email address. Officers can register for
        workshops without signing in.
      </p>
      <div className="card">
        <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} />
      </div>
    </div>
  );
}
