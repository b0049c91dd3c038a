'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { SubmitButton } from '@/app/_components/form/submit-button';
import { verifyCodeAction } from '../actions';
import type { TCodeFormState } from '../_lib/verify-steps';

/** Goes to /verify/{code}; a code that cannot be one gets its message beside the field. */
export function CodeForm({ initial = {} }: { initial?: TCodeFormState }) {
  const [state, action] = useActionState(verifyCodeAction, initial);
  return (
    <form action={action} noValidate className="space-y-4">
      <Field name="code" label="Certificate code" hint="The 16-character code printed on the certificate, e.g. 7K2Q-9XWD-4HPA-M3TR" error={state.error}>
        {(props) => (
          <input
            {...props}
            type="text"
            required
            maxLength={64}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            defaultValue={state.code ?? ''}
            key={state.code ?? ''}
            className="field-input max-w-md font-mono text-lg tracking-wider"
          />
        )}
      </Field>
      <SubmitButton pendingText="Checking…">Check code</SubmitButton>
    </form>
  );
}
