import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { clientIp, isLoopback } from '@/lib/http/client-ip';
import { isLocalMailboxEnabled } from '@/lib/mail/local-mailbox';

/** The local mailbox holds sign-in links: it exists only without SMTP, and only for this machine. */
export async function requireLocalMailboxAccess(): Promise<void> {
  if (!isLocalMailboxEnabled() || !isLoopback(clientIp(await headers()))) notFound();
}
