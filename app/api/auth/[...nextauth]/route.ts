import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';

export const GET = handlers.GET;

/**
 * Email sign-in starts only from the sign-in form's server action, which validates the address
 * and applies the rate limits; Auth.js's own endpoint for it would bypass both.
 */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith('/signin/email')) {
    return Response.json({ error: { code: 'not_found', message: 'Sign in at /signin.' } }, { status: 404 });
  }
  return handlers.POST(request);
}
