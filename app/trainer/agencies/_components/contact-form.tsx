'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

/** Adds one contact; names carry a `contact.` prefix so they do not clash with the agency form. */
export function AddContactForm({ action }: { action: (state: TFormState, formData: FormData) => Promise<TFormState> }) {
  const [state, formAction] = useActionState(action, {});
  const value = (key: string) => state.values?.[`contact.${key}`] ?? '';
  const error = (key: string) => state.fields?.[`contact.${key}`];
  return (
    <form action={formAction} noValidate className="space-y-4" aria-labelledby="add-contact">
      <h3 id="add-contact" className="text-lg font-semibold">
        Add contact
      </h3>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="contact.name" label="Name" error={error('name')}>
          {(props) => <input {...props} type="text" required maxLength={200} autoComplete="off" className="field-input" defaultValue={value('name')} />}
        </Field>
        <Field name="contact.role" label="Role" hint="Like “Training officer”." error={error('role')}>
          {(props) => <input {...props} type="text" maxLength={200} autoComplete="off" className="field-input" defaultValue={value('role')} />}
        </Field>
        <Field name="contact.email" label="Email" error={error('email')}>
          {(props) => <input {...props} type="email" inputMode="email" autoComplete="off" className="field-input" defaultValue={value('email')} />}
        </Field>
        <Field name="contact.phone" label="Phone" error={error('phone')}>
          {(props) => <input {...props} type="tel" maxLength={40} autoComplete="off" className="field-input" defaultValue={value('phone')} />}
        </Field>
      </div>
      <SubmitButton pendingText="Adding contact…">Add contact</SubmitButton>
    </form>
  );
}
