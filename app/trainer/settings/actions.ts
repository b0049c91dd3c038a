'use server';

import { revalidatePath } from 'next/cache';
import type { TFeedResetState } from '@/app/_components/calendar/feed-state';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { createApiToken, revokeApiToken } from '@/lib/api-tokens/api-tokens';
import { feedWebUrl, resetTrainerFeed } from '@/lib/calendar-feeds/feeds';
import { setCertificatePaper } from '@/lib/certificates/paper-setting';
import { z } from 'zod';
import { field, ZNoFields } from '@/app/_lib/form-schema';
import { notFoundError } from '@/lib/errors/app-error';
import { isUuid } from '@/lib/workshops/workshops';

/** After creation the token travels to the browser once, in this state, and is never stored. */
export type TCreateTokenState = TFormState & { token?: string; tokenName?: string };

export async function createTokenAction(_previous: TCreateTokenState, formData: FormData): Promise<TCreateTokenState> {
  let created: { token: string; name: string } | undefined;
  const state = await runAction(formData, z.object({ name: field.text() }), async (db, actor, { name }) => {
    const { token } = await createApiToken(db, actor, name);
    created = { token, name: name.trim() };
    revalidatePath('/trainer/settings');
  });
  return created ? { ...state, token: created.token, tokenName: created.name } : state;
}

export async function revokeTokenAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ tokenId: field.text() }), async (db, actor, { tokenId: id }) => {
    // The domain compares ids in SQL, where anything but a UUID is a database error.
    if (!isUuid(id)) throw notFoundError('API token');
    await revokeApiToken(db, actor, id);
    revalidatePath('/trainer/settings');
  });
}

export async function resetTrainerFeedAction(_previous: TFeedResetState, formData: FormData): Promise<TFeedResetState> {
  let links: TFeedResetState['links'];
  const state = await runAction(formData, ZNoFields, async (db, actor) => {
    const webcal = await resetTrainerFeed(db, actor);
    links = { webcal, web: feedWebUrl(webcal) };
    return { ok: true, message: 'Done: the old link has stopped working. Subscribe again with the new link.' };
  });
  return links ? { ...state, links } : state;
}

const paperNames = { a4: 'A4 landscape', letter: 'US Letter landscape' };

/** Certificates issued from now on use the chosen paper; those already issued keep theirs (their PDF never changes). */
export async function saveCertificatePaperAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ paper: field.text() }), async (db, actor, input) => {
    const paper = await setCertificatePaper(db, actor, input.paper);
    revalidatePath('/trainer/settings');
    return { ok: true, message: `Saved: certificates you issue from now on are printed on ${paperNames[paper]}.`, values: { paper } };
  });
}
