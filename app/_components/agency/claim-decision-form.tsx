'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

/** Confirm or reject one claim: the button pressed says which; the page then says what was decided. */
export function ClaimDecisionForm({ action, who }: { action: (state: TFormState, formData: FormData) => Promise<TFormState>; who: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <FormMessage state={state} />
      <SubmitButton name="decision" value="confirm" pendingText="Saving…" className="btn-primary">
        Confirm<span className="sr-only"> {who}</span>
      </SubmitButton>
      <SubmitButton name="decision" value="reject" pendingText="Saving…" className="btn-secondary">
        Reject<span className="sr-only"> {who}</span>
      </SubmitButton>
    </form>
  );
}
