'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

type TAgencyValues = { name: string; kind: string; units: string[]; emailDomains: string[]; notes: string };

/** Name, kind, units and notes of an agency: for adding one, and for changing one. */
export function AgencyForm({
  action,
  agency,
  kinds,
  submitLabel,
  pendingText,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  agency?: TAgencyValues;
  /** [value, label] pairs (agencyKindLabels), passed in so the client bundle needs no schema. */
  kinds: [string, string][];
  submitLabel: string;
  pendingText: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const value = (key: string, saved: string) => state.values?.[key] ?? saved;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <Field name="name" label="Name" error={state.fields?.name}>
        {(props) => (
          <input {...props} type="text" required maxLength={200} autoComplete="organization" className="field-input" defaultValue={value('name', agency?.name ?? '')} />
        )}
      </Field>
      <Field name="kind" label="Kind of agency" error={state.fields?.kind}>
        {(props) => (
          <select {...props} required className="field-input" defaultValue={value('kind', agency?.kind ?? '')}>
            {!agency && <option value="">Choose a kind</option>}
            {kinds.map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="units" label="Units" hint="One per line, like “Special Victims Unit”. Up to 30." error={state.fields?.units}>
        {(props) => <textarea {...props} rows={4} className="field-input" defaultValue={value('units', agency?.units.join('\n') ?? '')} />}
      </Field>
      <Field
        name="emailDomains"
        label="Email domains"
        hint="One per line, like springfieldpd.gov. Someone with an address there is one of the agency’s officers: its coordinator sees them in joint sessions. What people type as their agency never counts."
        error={state.fields?.emailDomains}
      >
        {(props) => (
          <textarea {...props} rows={2} spellCheck={false} className="field-input" defaultValue={value('emailDomains', agency?.emailDomains.join('\n') ?? '')} />
        )}
      </Field>
      <Field name="notes" label="Notes" hint="For trainers only. Nothing about clients or cases." error={state.fields?.notes}>
        {(props) => <textarea {...props} rows={4} maxLength={5000} className="field-input" defaultValue={value('notes', agency?.notes ?? '')} />}
      </Field>
      <SubmitButton pendingText={pendingText}>{submitLabel}</SubmitButton>
    </form>
  );
}
