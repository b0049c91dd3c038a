import 'server-only';

/** Signed-out visitors are sent to sign in and brought back to the page the link is on. */
export function signInFirst(): Response {
  return new Response(null, { status: 303, headers: { location: `/signin?callbackUrl=${encodeURIComponent('/me')}` } });
}

/** A download of the person's own records: personal data, so neither the browser nor anything in between keeps a copy. */
export function personalDownload(body: string | Uint8Array, contentType: string, disposition: string): Response {
  return new Response(typeof body === 'string' ? body : Buffer.from(body), {
    headers: {
      'content-type': contentType,
      'content-disposition': disposition,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
