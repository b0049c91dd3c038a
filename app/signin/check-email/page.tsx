import type { Metadata } from 'next';
import Link from 'next/link';
import { MAGIC_LINK_MAX_AGE_SECONDS } from '@/lib/auth/magic-link-provider';
import { isLocalMailboxEnabled } from '@/lib/mail/local-mailbox';

export const metadata: Metadata = { title: 'Check your email' };

// Whether a local mailbox exists is decided by the running server's configuration, not the build's.
export const dynamic = 'force-dynamic';

export default function CheckEmailPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Check your email</h1>
      <div className="card space-y-3">
        <p>
          We sent you a sign-in link. It works once and expires in {MAGIC_LINK_MAX_AGE_SECONDS / 60} minutes.
        </p>
        <p>If nothing arrives within a few minutes, check your junk folder or ask for a new link.</p>
        {isLocalMailboxEnabled() && (
          <p>
            This Muster has no mail server configured: open the <Link href="/dev/mailbox">local mailbox</Link> on
            this machine to find the link.
          </p>
        )}
        <p>
          <Link href="/signin">Ask for a new link</Link>
        </p>
      </div>
    </div>
  );
}
