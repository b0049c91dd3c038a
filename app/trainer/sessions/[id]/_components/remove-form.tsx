'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';
import { ConfirmStep } from './confirm-step';
import { dangerButton, dangerOutlineButton } from './styles';

/** Removes one person after asking, with an optional reason that goes into their email. */
export function RemoveForm({
  action,
  registrationId,
  name,
  confirmed,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  registrationId: string;
  name: string;
  /** A confirmed place frees a seat for the waitlist; a waitlisted one only leaves the line. */
  confirmed: boolean;
}) {
  const [state, formAction] = useActionState(action, {});
  const reasonId = `reason-${registrationId}`;
  const reasonError = state.fields?.reason;
  return (
    <ConfirmStep
      startLabel={
        <>
          Remove…<span className="sr-only"> {name}</span>
        </>
      }
      startClassName={dangerOutlineButton}
      question={`Remove ${name} from this session?`}
      keepLabel={`No, keep ${name}`}
      confirm={
        <SubmitButton className={dangerButton} pendingText="Removing…">
          Yes, remove {name}
        </SubmitButton>
      }
      wrap={(asked) => (
        <form action={formAction} className="space-y-2">
          <input type="hidden" name="registrationId" value={registrationId} />
          <FormMessage state={state} />
          {asked}
        </form>
      )}
    >
      <p>
        {confirmed
          ? 'Their place is cancelled and they are emailed (their calendar invite is withdrawn). The first person on the waitlist gets the seat.'
          : 'They leave the waitlist and are emailed.'}
      </p>
      <div className="space-y-1">
        <label htmlFor={reasonId} className="field-label">
          Reason (optional)
        </label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          maxLength={1000}
          className="field-input"
          aria-describedby={`${reasonId}-hint${reasonError ? ` ${reasonId}-error` : ''}`}
          aria-invalid={reasonError ? true : undefined}
          defaultValue={state.values?.reason ?? ''}
        />
        <p id={`${reasonId}-hint`} className="text-sm text-slate-700">
          Included in the email to {name}.
        </p>
        {reasonError && (
          <p id={`${reasonId}-error`} className="field-error">
            {reasonError}
          </p>
        )}
      </div>
    </ConfirmStep>
  );
}
