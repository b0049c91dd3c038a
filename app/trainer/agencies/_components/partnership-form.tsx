'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

/** Adds one partnership (MOU) record; names carry a `partnership.` prefix. */
export function AddPartnershipForm({
  action,
  statuses,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  /** [value, label] pairs (mouStatusLabels). */
  statuses: [string, string][];
}) {
  const [state, formAction] = useActionState(action, {});
  const value = (key: string, fallback = '') => state.values?.[`partnership.${key}`] ?? fallback;
  const error = (key: string) => state.fields?.[`partnership.${key}`];
  return (
    <form action={formAction} noValidate className="space-y-4" aria-labelledby="add-partnership">
      <h3 id="add-partnership" className="text-lg font-semibold">
        Add partnership record
      </h3>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="partnership.mouStatus" label="Memorandum status" error={error('mouStatus')}>
          {(props) => (
            <select {...props} required className="field-input" defaultValue={value('mouStatus', 'proposed')}>
              {statuses.map(([status, label]) => (
                <option key={status} value={status}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="partnership.signedOn" label="Signed on" hint="Needed when signed." error={error('signedOn')}>
          {(props) => <input {...props} type="date" className="field-input" defaultValue={value('signedOn')} />}
        </Field>
        <Field name="partnership.renewalOn" label="Renew by" hint="Optional." error={error('renewalOn')}>
          {(props) => <input {...props} type="date" className="field-input" defaultValue={value('renewalOn')} />}
        </Field>
      </div>
      <Field
        name="partnership.informationSharingProtocol"
        label="Information-sharing protocol"
        hint="What the agencies agree to share, with whom, and how it is kept."
        error={error('informationSharingProtocol')}
      >
        {(props) => <textarea {...props} rows={5} maxLength={20000} className="field-input" defaultValue={value('informationSharingProtocol')} />}
      </Field>
      <Field name="partnership.notes" label="Notes" error={error('notes')}>
        {(props) => <textarea {...props} rows={3} maxLength={5000} className="field-input" defaultValue={value('notes')} />}
      </Field>
      <SubmitButton pendingText="Adding record…">Add partnership record</SubmitButton>
    </form>
  );
}
