'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { field } from '@/app/_lib/form-schema';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { createApiToken, revokeApiToken } from '@/lib/api-tokens/api-tokens';
import { notFoundError } from '@/lib/errors/app-error';
import { isUuid } from '@/lib/workshops/workshops';

/** After creation the token travels to the browser once, in this state, and is never stored. */
export type TCreateTokenState = TFormState & { token?: string; tokenName?: string };

/** Trainers keep their tokens in settings, coordinators on their agency's token page. */
function refreshTokenPages() {
  revalidatePath('/trainer/settings');
  revalidatePath('/agency/tokens');
}

export async function createTokenAction(_previous: TCreateTokenState, formData: FormData): Promise<TCreateTokenState> {
  let created: { token: string; name: string } | undefined;
  const state = await runAction(formData, z.object({ name: field.text() }), async (db, actor, { name }) => {
    const { token } = await createApiToken(db, actor, name);
    created = { token, name: name.trim() };
    refreshTokenPages();
  });
  return created ? { ...state, token: created.token, tokenName: created.name } : state;
}

export async function revokeTokenAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ tokenId: field.text() }), async (db, actor, { tokenId: id }) => {
    // The domain compares ids in SQL, where anything but a UUID is a database error.
    if (!isUuid(id)) throw notFoundError('API token');
    await revokeApiToken(db, actor, id);
    refreshTokenPages();
  });
}
