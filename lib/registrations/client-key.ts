import 'server-only';
import { signLink } from '@/lib/config/link-keys';

/**
 * What a registration keeps of the address it came from: a keyed hash, enough to count an
 * address's places in a session and useless for finding the address. A new link key starts the
 * counts afresh, which only ever lets a little more through.
 */
export function clientKeyOf(address: string): string {
  return signLink('client-address', address);
}
