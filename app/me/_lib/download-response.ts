import 'server-only';

/** Signed-out visitors are sent to sign in and brought back to the page the link is on. */
export function signInFirst(): Response {
  return new Response(null, { status: 303, headers: { location: `/signin?callbackUrl=${encodeURIComponent('/me')}` } });
}
