'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

/** A session the place could move to, described in words by the server (times in its zone). */
export type TMoveChoice = { id: string; when: string; where: string; places: string; waitlistOnly: boolean };

/** Pick another session of the same workshop; the current place is given up only if the move succeeds. */
export function MovePlaceForm({ action, choices }: { action: (state: TFormState, formData: FormData) => Promise<TFormState>; choices: TMoveChoice[] }) {
  const [state, formAction] = useActionState(action, {});
  const error = state.fields?.targetSessionId;
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <fieldset className="space-y-2" aria-describedby={error ? 'move-target-error' : undefined}>
        <legend className="field-label">Choose a session</legend>
        {choices.map((choice) => (
          <label key={choice.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-300 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-slate-50">
            <input type="radio" name="targetSessionId" value={choice.id} required className="mt-1 size-5 shrink-0" defaultChecked={state.values?.targetSessionId === choice.id} />
            <span>
              <span className="block font-semibold">{choice.when}</span>
              <span className="block text-sm text-slate-700">{choice.where}</span>
              <span className={choice.waitlistOnly ? 'block text-sm font-semibold text-amber-800' : 'block text-sm font-semibold text-green-800'}>
                {choice.places}
              </span>
            </span>
          </label>
        ))}
        {error && (
          <p id="move-target-error" className="field-error">
            {error}
          </p>
        )}
      </fieldset>
      <p className="text-sm text-slate-700">
        Your current place is given up when the move is made. Where the new session is full, you join its waitlist instead of taking a seat.
      </p>
      <SubmitButton pendingText="Moving…">Move my place</SubmitButton>
    </form>
  );
}
