/**
 * Headers every Muster response carries, set by server.ts before Next answers, so pages, API
 * routes, files and errors all have them. A page or route may still narrow Referrer-Policy
 * (token pages say no-referrer).
 */
export function securityHeaders(appUrl: string): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // The camera is kept for Muster's own pages (a door scanner); nothing else is ever granted.
    'permissions-policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };
  if (new URL(appUrl).protocol === 'https:') headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
