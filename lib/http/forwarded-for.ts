import { BlockList, isIP } from 'node:net';

/**
 * Who stands in front of Muster. `hops` counts proxies (nginx, a load balancer); `proxies`
 * names them by address or CIDR. Either way only entries those proxies appended are believed:
 * everything further left in X-Forwarded-For was written by the client and is ignored.
 */
export type TTrustProxy = { kind: 'hops'; hops: number } | { kind: 'proxies'; list: BlockList };

export class TrustProxyError extends Error {
  override name = 'TrustProxyError';
}

/** `0`, a number of hops, or a comma list of proxy addresses and CIDRs (`10.0.0.0/8, ::1`). */
export function parseTrustProxy(value: string): TTrustProxy {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 32) throw new TrustProxyError('must be a number of proxies from 0 to 32, or a list of proxy addresses');
    return { kind: 'hops', hops };
  }
  const list = new BlockList();
  for (const part of text.split(',').map((entry) => entry.trim())) {
    const [address = '', prefix, extra] = part.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (prefix !== undefined && !/^\d+$/.test(prefix)) || Number(prefix ?? bits) > bits) {
      throw new TrustProxyError(`has "${part}", which is neither an IP address nor a CIDR range`);
    }
    list.addSubnet(address, Number(prefix ?? bits), family === 4 ? 'ipv4' : 'ipv6');
  }
  return { kind: 'proxies', list };
}

/**
 * One X-Forwarded-For entry as a plain address: spaces, ports (`1.2.3.4:80`, `[::1]:443`) and
 * the IPv4-mapped IPv6 prefix are dropped; anything that is not an address gives undefined.
 */
export function normaliseAddress(entry: string): string | undefined {
  let text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  if (mapped) text = mapped[1]!;
  return isIP(text) ? text.toLowerCase() : undefined;
}

function isTrustedProxy(address: string, trust: Extract<TTrustProxy, { kind: 'proxies' }>): boolean {
  const family = isIP(address);
  return family !== 0 && trust.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the TCP peer, or, when the peer is a trusted proxy, the entry that the
 * proxies appended, read from the right. A garbage entry stops the walk at the hop that wrote it.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | readonly string[] | undefined, trust: TTrustProxy): string {
  const direct = normaliseAddress(peer ?? '') ?? 'unknown';
  const header = typeof forwardedFor === 'string' ? forwardedFor : (forwardedFor ?? []).join(',');
  // Nearest hop first: the peer, then the header's entries from the right.
  const chain = [direct, ...header.split(',').reverse()];
  let answer = direct;
  for (let index = 1; index < chain.length; index += 1) {
    const previousIsTrusted = trust.kind === 'hops' ? index <= trust.hops : isTrustedProxy(answer, trust);
    if (!previousIsTrusted) break;
    const next = normaliseAddress(chain[index]!);
    if (!next) break;
    answer = next;
  }
  return answer;
}

export function isLoopback(address: string): boolean {
  return address === '::1' || /^127\./.test(address);
}

/** Headers that only a proxy writes: their presence means the request did not come straight from this machine. */
export const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'] as const;
