'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { signIn } from '@/lib/auth/auth';
import { allowSignInEmail, safeCallbackPath, ZSignInRequest } from '@/lib/auth/sign-in-request';
import { clientIp } from '@/lib/http/client-ip';

export type TSignInFormState = {
  email: string;
  fieldError?: string;
  formError?: string;
};

export async function requestSignInLink(_previous: TSignInFormState, formData: FormData): Promise<TSignInFormState> {
  const email = String(formData.get('email') ?? '');
  const parsed = ZSignInRequest.safeParse({ email, callbackUrl: formData.get('callbackUrl') ?? undefined });
  if (!parsed.success) {
    return { email, fieldError: parsed.error.issues[0]?.message ?? 'Enter a valid email address.' };
  }
  const db = await getDb();
  const allowance = await allowSignInEmail(db, parsed.data.email, clientIp(await headers()));
  if (!allowance.allowed) return { email, formError: allowance.message };
  try {
    // Redirects to the check-your-email page; the redirect is thrown, so it must not be caught here.
    await signIn('email', { email: parsed.data.email, redirectTo: safeCallbackPath(parsed.data.callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) {
      return { email, formError: 'We could not send a sign-in link just now. Please try again in a moment.' };
    }
    throw error;
  }
  return { email };
}
