'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

export function ConfirmPlaceForm({ action }: { action: (state: TFormState) => Promise<TFormState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="card space-y-4">
      <FormMessage state={state} />
      <p>Press the button to confirm your place. Your calendar invite and the link to manage your place follow by email.</p>
      <SubmitButton pendingText="Confirming…">Confirm my place</SubmitButton>
    </form>
  );
}
