'use server';

import { revalidatePath } from 'next/cache';
import type { TFormState } from '@/app/_lib/trainer-action';
import { decideClaim } from '@/app/_lib/decide-claim';

export async function decideClaimAction(registrationId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return decideClaim(registrationId, formData, '/agency', () => revalidatePath('/agency'));
}
