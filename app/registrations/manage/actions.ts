'use server';

import { redirect } from 'next/navigation';
import { refreshCatalogue } from '@/app/_lib/catalogue-cache';
import { z } from 'zod';
import { field } from '@/app/_lib/form-schema';
import { formValues, type TFormState } from '@/app/_lib/trainer-action';
import { getDb } from '@/db';
import { cancelPlace, movePlace, replaceDetails, type TManageStepResult } from './manage-steps';

function finish(result: TManageStepResult): TFormState {
  if (result.state) return result.state;
  // Seats left changed in one session (or two): the cached catalogue shows them.
  refreshCatalogue();
  redirect(result.redirectTo);
}

export async function cancelPlaceAction(token: string, _previous: TFormState): Promise<TFormState> {
  return finish(await cancelPlace(await getDb(), token));
}

export async function movePlaceAction(token: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  const value = formData.get('targetSessionId');
  const target = typeof value === 'string' ? value : '';
  const state = finish(await movePlace(await getDb(), token, target));
  return { ...state, values: { targetSessionId: target } };
}

const ZDetailsForm = z.object({ badgeNumber: field.text(), accessNeeds: field.text(), clearBadgeNumber: field.flag(), clearAccessNeeds: field.flag() });

/** Badge number and access needs are write-only here: what was typed is never echoed back either. */
export async function replaceDetailsAction(token: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return replaceDetails(await getDb(), token, ZDetailsForm.parse(formValues(formData)));
}
