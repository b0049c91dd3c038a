'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { field } from '@/app/_lib/form-schema';
import type { TTwoStepState } from '@/app/_components/form/two-step-form';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { addTrainer, assertTrainerRemovable, removeTrainer } from '@/lib/trainers/trainers';

const refresh = () => revalidatePath('/trainer/settings/people');

export async function addTrainerAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ email: field.text() }), async (db, actor, input) => {
    const { trainer, alreadyTrainer } = await addTrainer(db, actor, input);
    refresh();
    return alreadyTrainer
      ? { ok: true, message: `${trainer.email} is already a trainer.` }
      : { ok: true, message: `${trainer.email} is now a trainer. They sign in with that address to reach the trainer pages.` };
  });
}

const ZRemoveForm = z.object({ userId: field.text(), step: field.text() });

/**
 * Asks first (`step=ask`: only checks the person is still a trainer and another would remain),
 * then removes (`step=confirm`), which signs them out everywhere and revokes their API tokens.
 */
export async function removeTrainerAction(_previous: TTwoStepState, formData: FormData): Promise<TTwoStepState> {
  let confirming = false;
  const state = await runAction(formData, ZRemoveForm, async (db, actor, { userId, step }) => {
    if (step === 'cancel') return {};
    if (step === 'ask') {
      await assertTrainerRemovable(db, actor, userId);
      confirming = true;
      return {};
    }
    const removed = await removeTrainer(db, actor, userId);
    refresh();
    // Their own sign-in has just ended: the trainer pages would only send them to sign in. The
    // list row (and its form) is gone, so the page itself says what happened.
    redirect(removed.id === actor?.id ? '/' : '/trainer/settings/people?removed=1');
  });
  const { values: _typed, fields: _fields, ...rest } = state;
  return confirming ? { confirming: true } : rest;
}
