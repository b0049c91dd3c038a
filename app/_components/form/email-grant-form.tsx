'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

type Props = {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  /** Names the heading's id, so two of these can share a page. */
  id: string;
  heading: string;
  hint: string;
  submit: { label: string; pending: string };
};

/** Gives a role to the person with an email address; the form keeps the address when it is refused. */
export function EmailGrantForm({ action, id, heading, hint, submit }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-4" aria-labelledby={id}>
      <h3 id={id} className="text-lg font-semibold">
        {heading}
      </h3>
      <FormMessage state={state} />
      <Field name="email" label="Email" hint={hint} error={state.fields?.email}>
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
      <SubmitButton pendingText={submit.pending}>{submit.label}</SubmitButton>
    </form>
  );
}
