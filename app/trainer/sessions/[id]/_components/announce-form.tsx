'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

/** An email from the trainer to everyone confirmed. */
export function AnnounceForm({
  action,
  recipients,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  recipients: number;
}) {
  const [state, formAction] = useActionState(action, {});
  const people = `${recipients} confirmed ${recipients === 1 ? 'person' : 'people'}`;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <Field name="subject" label="Subject" error={state.fields?.subject}>
        {(props) => <input {...props} type="text" required maxLength={200} className="field-input" defaultValue={state.values?.subject ?? ''} />}
      </Field>
      <Field name="message" label="Message" hint="Plain text; line breaks are kept. Each person’s email also links to the session and to their registration." error={state.fields?.message}>
        {(props) => <textarea {...props} rows={6} required maxLength={5000} className="field-input" defaultValue={state.values?.message ?? ''} />}
      </Field>
      <SubmitButton pendingText="Sending…">Send to {people}</SubmitButton>
    </form>
  );
}
