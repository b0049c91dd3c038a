import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { registrations } from '@/db/schema';
import { AppError, unauthorizedError } from '@/lib/errors/app-error';
import { openManageLink } from '@/lib/registrations/tokens';
import { resetPersonalFeed } from './feeds';

/**
 * Who may reset a person's feed: whoever holds a manage token of one of their registrations (the
 * link from their email), or the person signed in with that address. The email shown on the page
 * is never trusted on its own.
 */
export type TFeedProof = { manageToken?: string | null; signedInEmail?: string | null };

const staleLinkError = () =>
  new AppError('not_found', 'This manage link no longer works: open the newest one from your email, or sign in.', 404);

export async function personalFeedOwnerEmail(db: Db, proof: TFeedProof): Promise<string> {
  const manageToken = proof.manageToken?.trim();
  if (manageToken) {
    const link = await openManageLink(db, manageToken);
    if (link.kind !== 'valid') throw staleLinkError();
    const [row] = await db.select({ email: registrations.email }).from(registrations).where(eq(registrations.id, link.registrationId));
    if (!row) throw staleLinkError();
    return row.email;
  }
  const signedIn = proof.signedInEmail?.trim().toLowerCase();
  if (signedIn) return signedIn;
  throw unauthorizedError('Sign in, or open this page from the link in your registration email.');
}

/** Resets the feed of whoever the proof shows is asking; returns the new link. */
export async function resetPersonalFeedFor(db: Db, proof: TFeedProof): Promise<string> {
  return resetPersonalFeed(db, await personalFeedOwnerEmail(db, proof));
}
