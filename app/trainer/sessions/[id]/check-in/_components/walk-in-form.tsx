'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

type TKey = 'name' | 'email' | 'agency';

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
  const value = (key: TKey) => state.values?.[key] ?? '';
  const error = (key: TKey) => state.fields?.[key];
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="name" label="Full name" error={error('name')}>
          {(props) => <input {...props} type="text" required maxLength={200} autoComplete="off" className="field-input" defaultValue={value('name')} />}
        </Field>
        <Field name="email" label="Email" hint="Their confirmation and, later, their certificate go here." error={error('email')}>
          {(props) => (
            <input
              {...props}
              type="email"
              required
              inputMode="email"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              className="field-input"
              defaultValue={value('email')}
            />
          )}
        </Field>
        <Field name="agency" label="Agency (optional)" error={error('agency')}>
          {(props) => (
            <>
              <input {...props} type="text" list="check-in-agencies" maxLength={200} autoComplete="off" className="field-input" defaultValue={value('agency')} />
              <datalist id="check-in-agencies">
                {agencies.map((agency) => (
                  <option key={agency} value={agency} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <SubmitButton pendingText="Adding…" className="btn-primary min-h-12">
        Add and mark attended
      </SubmitButton>
    </form>
  );
}
