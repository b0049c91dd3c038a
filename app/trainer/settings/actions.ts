'use server';

import { revalidatePath } from 'next/cache';
import type { TFeedResetState } from '@/app/_components/calendar/feed-state';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { feedWebUrl, resetTrainerFeed } from '@/lib/calendar-feeds/feeds';
import { setCertificatePaper } from '@/lib/certificates/paper-setting';
import { z } from 'zod';
import { field, ZNoFields } from '@/app/_lib/form-schema';

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
