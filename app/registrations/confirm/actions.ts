'use server';

import { redirect } from 'next/navigation';
import type { TFormState } from '@/app/_lib/trainer-action';
import { getDb } from '@/db';
import { confirmHeldPlace } from '@/lib/registrations/hold';

const answers = {
  expired: 'This place was held for 30 minutes and has been released. Register again from the session page if seats are left.',
  unknown:
    'This link has been used or is not valid. If you confirmed already, the email that followed has the link to your place; otherwise register again from the session page.',
};

/** The button on the confirmation page: only a person presses it, so a link scanner never books anyone. */
export async function confirmPlaceAction(token: string, _previous: TFormState): Promise<TFormState> {
  const result = await confirmHeldPlace(await getDb(), token);
  if (result.kind !== 'confirmed') return { error: answers[result.kind] };
  redirect(`/registrations/manage?token=${encodeURIComponent(result.manageToken)}&done=confirmed`);
}
