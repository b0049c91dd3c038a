import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { isDirectLocalRequest } from '@/lib/http/client-ip';
import { isLocalMailboxEnabled } from '@/lib/mail/local-mailbox';

/**
 * The local mailbox holds sign-in links: it exists only without SMTP, and only for a browser on
 * this machine. A reverse proxy on the same host also connects from loopback, so any proxy
 * header refuses the request too.
 */
export async function requireLocalMailboxAccess(): Promise<void> {
  if (!isLocalMailboxEnabled() || !isDirectLocalRequest(await headers())) notFound();
}
