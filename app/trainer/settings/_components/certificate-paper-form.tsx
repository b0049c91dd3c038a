'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

const choices = [
  { value: 'a4', label: 'A4 landscape', hint: '297 × 210 mm, the size used in most of the world.' },
  { value: 'letter', label: 'US Letter landscape', hint: '11 × 8.5 inches, the size used in the United States and Canada.' },
] as const;

/** The paper this trainer's certificates are printed on, for certificates issued from now on. */
export function CertificatePaperForm({
  action,
  paper,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  paper: 'a4' | 'letter';
}) {
  const [state, formAction] = useActionState(action, {});
  const chosen = state.values?.paper ?? paper;
  const error = state.fields?.paper;
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <fieldset className="space-y-2" aria-describedby={error ? 'paper-error' : undefined}>
        <legend className="field-label">Certificate paper</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="flex min-h-11 items-start gap-3">
            <input
              type="radio"
              name="paper"
              value={choice.value}
              defaultChecked={chosen === choice.value}
              aria-describedby={`paper-${choice.value}-hint`}
              className="mt-1 size-5 shrink-0"
            />
            <span>
              <span className="font-semibold">{choice.label}</span>
              <span id={`paper-${choice.value}-hint`} className="block text-sm text-slate-700">
                {choice.hint}
              </span>
            </span>
          </label>
        ))}
        {error && (
          <p id="paper-error" className="field-error">
            {error}
          </p>
        )}
      </fieldset>
      <SubmitButton pendingText="Saving…">Save paper size</SubmitButton>
    </form>
  );
}
