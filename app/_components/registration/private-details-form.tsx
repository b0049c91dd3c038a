'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

type Props = { action: (state: TFormState, formData: FormData) => Promise<TFormState> };

/**
 * Replace or remove the badge number and access needs. The fields start empty and are emptied
 * again after saving: the page never shows what was given, to whoever has the link.
 */
export function PrivateDetailsForm({ action }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" key={state.ok ? state.message : 'editing'}>
      <FormMessage state={state} />
      <Field name="badgeNumber" label="New badge or staff number" hint="Leave empty to keep what you gave." error={state.fields?.badgeNumber}>
        {(props) => <input {...props} type="text" className="field-input" autoComplete="off" maxLength={50} />}
      </Field>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="clearBadgeNumber" value="1" className="size-5" />
        Remove my badge or staff number
      </label>
      <Field name="accessNeeds" label="New access needs" hint="Replaces what you told us. Only the trainers see it." error={state.fields?.accessNeeds}>
        {(props) => <textarea {...props} className="field-input" rows={3} maxLength={2000} />}
      </Field>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="clearAccessNeeds" value="1" className="size-5" />
        Remove my access needs
      </label>
      <SubmitButton pendingText="Saving…">Save my details</SubmitButton>
    </form>
  );
}
