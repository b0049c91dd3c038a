'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TNominationFormState } from '../actions';

/**
 * Paste a list, check it (nothing is saved), then register it. Every line is shown with what is
 * wrong with it; the register button appears only once the whole list reads cleanly.
 */
export function NominateListForm({ action }: { action: (state: TNominationFormState, formData: FormData) => Promise<TNominationFormState> }) {
  const [state, formAction] = useActionState(action, {});
  const preview = state.preview ?? [];
  const clean = preview.length > 0 && preview.every((line) => !line.problem);
  const error = state.fields?.officers;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <div className="space-y-1">
        <label htmlFor="officers" className="field-label">
          Officers, one a line
        </label>
        <textarea
          id="officers"
          name="officers"
          rows={8}
          className="field-input font-mono"
          defaultValue={state.values?.officers ?? ''}
          key={state.message ?? 'list'}
          aria-describedby={`officers-hint${error ? ' officers-error' : ''}`}
          aria-invalid={error ? true : undefined}
        />
        <p id="officers-hint" className="text-sm text-slate-600">
          Name, email and badge number, separated by commas or pasted from a spreadsheet, like “Ana Ruiz, ana.ruiz@springfieldpd.gov, 4471”.
        </p>
        {error && (
          <p id="officers-error" className="field-error">
            {error}
          </p>
        )}
      </div>
      {preview.length > 0 && (
        <div className="overflow-x-auto" role="region" aria-label="The list as read" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Each line of the list as read, with anything to fix</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-3">Line</th>
                <th scope="col" className="py-1 pr-3">Name</th>
                <th scope="col" className="py-1 pr-3">Email</th>
                <th scope="col" className="py-1 pr-3">Badge</th>
                <th scope="col" className="py-1">Check</th>
              </tr>
            </thead>
            <tbody>
              {preview.map((line) => (
                <tr key={line.line} className="border-b border-slate-100 align-top">
                  <td className="py-1 pr-3">{line.line}</td>
                  <td className="py-1 pr-3 break-words">{line.nominee?.name ?? line.text}</td>
                  <td className="py-1 pr-3 break-all">{line.nominee?.email ?? ''}</td>
                  <td className="py-1 pr-3">{line.nominee?.badgeNumber ?? ''}</td>
                  <td className={`py-1 ${line.problem ? 'font-semibold text-red-800' : ''}`}>{line.problem ?? 'Ready'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="intent" value="check" className={clean ? 'btn-secondary' : 'btn-primary'} pendingText="Checking the list…">
          Check the list
        </SubmitButton>
        {clean && (
          <SubmitButton name="intent" value="register" pendingText={`Registering ${preview.length} officers…`}>
            Register {preview.length === 1 ? '1 officer' : `${preview.length} officers`}
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
