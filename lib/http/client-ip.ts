import 'server-only';

/**
 * Muster's server (server.ts) replaces this header on every request with the peer address, or
 * with the first X-Forwarded-For entry when TRUST_PROXY=1, so a client cannot choose its own.
 */
export const CLIENT_IP_HEADER = 'x-muster-client-ip';

export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? 'unknown';
}

export function isLoopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
}
