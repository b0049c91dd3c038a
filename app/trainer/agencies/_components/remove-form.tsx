'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

/** One "Remove" button for one item; `what` names the item for screen readers. */
export function RemoveForm({
  action,
  idName,
  id,
  what,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  idName: string;
  id: string;
  what: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name={idName} value={id} />
      <FormMessage state={state} />
      <SubmitButton className="btn-secondary" pendingText="Removing…">
        Remove<span className="sr-only"> {what}</span>
      </SubmitButton>
    </form>
  );
}
