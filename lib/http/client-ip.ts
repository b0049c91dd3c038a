import 'server-only';
import { clientAddress, isLoopback, normaliseAddress, PROXY_HEADERS, type TTrustProxy } from './forwarded-for';

/**
 * Muster's server (server.ts) replaces these headers on every request, so a client cannot
 * choose them: the client address (see forwarded-for.ts), and whether the request came straight
 * from this machine with no proxy in between.
 */
export const CLIENT_IP_HEADER = 'x-muster-client-ip';
export const DIRECT_LOCAL_HEADER = 'x-muster-direct-local';

type TIncomingHeaders = Record<string, string | string[] | undefined>;

/** The values server.ts stamps on a request from `peer` carrying `headers`. */
export function stampFor(peer: string | undefined, headers: TIncomingHeaders, trust: TTrustProxy) {
  const throughProxy = PROXY_HEADERS.some((name) => headers[name] !== undefined);
  const peerAddress = normaliseAddress(peer ?? '');
  return {
    [CLIENT_IP_HEADER]: clientAddress(peer, headers['x-forwarded-for'], trust),
    [DIRECT_LOCAL_HEADER]: !throughProxy && peerAddress && isLoopback(peerAddress) ? '1' : '0',
  };
}

export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? 'unknown';
}

/** True only for a request from this machine that no proxy passed on (the local mailbox's rule). */
export function isDirectLocalRequest(headers: Headers): boolean {
  return headers.get(DIRECT_LOCAL_HEADER) === '1';
}
