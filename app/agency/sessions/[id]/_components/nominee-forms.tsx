'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import { TwoStepForm, type TTwoStepState } from '@/app/_components/form/two-step-form';
import type { TFormState } from '@/app/_lib/trainer-action';

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

/** Name, email and badge: for one officer to register, or a substitute. `idPrefix` keeps ids unique on the page. */
export function OfficerForm({ action, idPrefix, submit, pending }: { action: TAction; idPrefix: string; submit: string; pending: string }) {
  const [state, formAction] = useActionState(action, {});
  const value = (key: string) => (state.ok ? '' : (state.values?.[key] ?? ''));
  return (
    <form action={formAction} noValidate className="space-y-3" key={state.message}>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="name" id={`${idPrefix}-name`} label="Name" error={state.fields?.name}>
          {(props) => <input {...props} type="text" autoComplete="off" className="field-input" defaultValue={value('name')} />}
        </Field>
        <Field name="email" id={`${idPrefix}-email`} label="Email" error={state.fields?.email}>
          {(props) => <input {...props} type="email" autoComplete="off" className="field-input" defaultValue={value('email')} />}
        </Field>
        <Field name="badgeNumber" id={`${idPrefix}-badge`} label="Badge number (optional)" error={state.fields?.badgeNumber}>
          {(props) => <input {...props} type="text" autoComplete="off" className="field-input" defaultValue={value('badgeNumber')} />}
        </Field>
      </div>
      <SubmitButton pendingText={pending}>{submit}</SubmitButton>
    </form>
  );
}

/** Cancelling one officer's place asks first. */
export function CancelNomineeForm({ action, name, idSuffix }: { action: (state: TTwoStepState, formData: FormData) => Promise<TTwoStepState>; name: string; idSuffix: string }) {
  return (
    <TwoStepForm
      action={action}
      idSuffix={idSuffix}
      start={{ label: <>Cancel<span className="sr-only"> {name}’s place</span></>, pending: 'Checking…' }}
      question={<>Cancel {name}’s place?</>}
      consequences={`${name} is emailed that your agency cancelled the place, and their calendar invite is withdrawn.`}
      confirm={{ label: 'Yes, cancel it', pending: 'Cancelling…' }}
      keep={{ label: 'No, keep it', pending: 'Keeping it…' }}
    />
  );
}
