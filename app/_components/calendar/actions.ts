'use server';

import { z } from 'zod';
import { runAction } from '@/app/_lib/trainer-action';
import { getCurrentUser } from '@/lib/auth/current-user';
import { feedWebUrl } from '@/lib/calendar-feeds/feeds';
import { resetPersonalFeedFor } from '@/lib/calendar-feeds/owner';
import type { TFeedResetState } from './feed-state';

/**
 * Resets the feed of whoever proves who they are: the manage token of one of their registrations
 * (the form carries it on the manage page), or their sign-in. The email shown is not trusted.
 */
export async function resetPersonalFeedAction(_previous: TFeedResetState, formData: FormData): Promise<TFeedResetState> {
  let links: TFeedResetState['links'];
  const state = await runAction(formData, z.object({ manageToken: z.string().optional() }), async (db, _actor, { manageToken }) => {
    const user = await getCurrentUser();
    const webcal = await resetPersonalFeedFor(db, {
      manageToken: manageToken ?? null,
      signedInEmail: user?.email ?? null,
    });
    links = { webcal, web: feedWebUrl(webcal) };
    return { ok: true, message: 'Done: the old link has stopped working. Subscribe again with the new link.' };
  });
  // The token is a secret: never echoed back in the form state.
  const { values: _typed, ...rest } = state;
  return links ? { ...rest, links } : rest;
}
