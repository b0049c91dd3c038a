'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { PersonContactFields } from '@/app/_components/form/person-contact-fields';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

type TKey = 'badgeNumber' | 'role' | 'accessNeeds';

/** A walk-in or a late addition, registered by the trainer. */
export function AddPersonForm({
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
      <div className="grid gap-4 sm:grid-cols-2">
        <PersonContactFields
          state={state}
          agencies={agencies}
          listId="walk-in-agencies"
          emailHint="Their confirmation and calendar invite go here."
          agencyHint="Choose a partner agency or type another."
        />
        <Field name="badgeNumber" label="Badge or staff number (optional)" error={error('badgeNumber')}>
          {(props) => <input {...props} type="text" maxLength={50} autoComplete="off" className="field-input" defaultValue={value('badgeNumber')} />}
        </Field>
        <Field name="role" label="Role or rank (optional)" error={error('role')}>
          {(props) => <input {...props} type="text" maxLength={100} autoComplete="off" className="field-input" defaultValue={value('role')} />}
        </Field>
      </div>
      <Field name="accessNeeds" label="Access needs (optional)" hint="Seen only by trainers." error={error('accessNeeds')}>
        {(props) => <textarea {...props} rows={2} maxLength={2000} className="field-input" defaultValue={value('accessNeeds')} />}
      </Field>
      <div className="space-y-1">
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="checkbox"
            name="overbook"
            value="1"
            defaultChecked={state.values?.overbook === '1'}
            aria-describedby="overbook-hint"
            className="mt-1 size-5 shrink-0"
          />
          <span>Confirm even if the session is full (over capacity)</span>
        </label>
        <p id="overbook-hint" className="text-sm text-slate-700">
          Without this, a full session puts them on the waitlist.
        </p>
      </div>
      <SubmitButton pendingText="Adding…">Add person</SubmitButton>
    </form>
  );
}
