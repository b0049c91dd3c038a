'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { PersonContactFields } from '@/app/_components/form/person-contact-fields';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

/** Someone at the door without a place: added and marked attended in one step. */
export function WalkInForm({
  action,
  agencies,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  /** Partner agencies' names, offered while typing. */
  agencies: string[];
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <PersonContactFields state={state} agencies={agencies} listId="check-in-agencies" emailHint="Their confirmation and, later, their certificate go here." />
      </div>
      <SubmitButton pendingText="Adding…" className="btn-primary min-h-12">
        Add and mark attended
      </SubmitButton>
    </form>
  );
}
