'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';
import { ConfirmStep } from './confirm-step';
import { dangerButton, dangerOutlineButton } from './styles';

/** Cancels the whole session after asking, with an optional message to everyone registered. */
export function CancelSessionForm({
  action,
  confirmed,
  waiting,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  confirmed: number;
  waiting: number;
}) {
  const [state, formAction] = useActionState(action, {});
  const told =
    confirmed + waiting === 0
      ? 'Nobody is registered yet.'
      : `The ${confirmed} confirmed and ${waiting} waiting are emailed, and confirmed people’s calendar invites are withdrawn.`;
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <ConfirmStep
        startLabel="Cancel this session…"
        startClassName={dangerOutlineButton}
        question="Cancel this session? This cannot be undone."
        keepLabel="No, keep the session"
        confirm={
          <SubmitButton className={dangerButton} pendingText="Cancelling…">
            Yes, cancel the session
          </SubmitButton>
        }
      >
        <p>{told}</p>
        <Field name="cancelMessage" label="Message to attendees (optional)" hint="Included in the cancellation email, like where to find another date." error={state.fields?.cancelMessage}>
          {(props) => <textarea {...props} rows={3} maxLength={5000} className="field-input" defaultValue={state.values?.cancelMessage ?? ''} />}
        </Field>
      </ConfirmStep>
    </form>
  );
}
