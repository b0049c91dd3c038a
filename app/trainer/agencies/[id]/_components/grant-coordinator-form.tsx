'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

/** Appoints a coordinator by email; the form keeps the address when it is refused. */
export function GrantCoordinatorForm({ action }: { action: (state: TFormState, formData: FormData) => Promise<TFormState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-4" aria-labelledby="add-coordinator">
      <h3 id="add-coordinator" className="text-lg font-semibold">
        Add coordinator
      </h3>
      <FormMessage state={state} />
      <Field
        name="email"
        label="Email"
        hint="The address they sign in with. They need no account yet: signing in with it later opens the agency’s records."
        error={state.fields?.email}
      >
        {(props) => (
          <input
            {...props}
            type="email"
            inputMode="email"
            required
            autoComplete="off"
            className="field-input max-w-md"
            defaultValue={state.values?.email ?? ''}
            key={state.ok ? 'added' : (state.values?.email ?? '')}
          />
        )}
      </Field>
      <SubmitButton pendingText="Adding coordinator…">Add coordinator</SubmitButton>
    </form>
  );
}
