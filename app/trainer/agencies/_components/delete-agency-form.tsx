'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useFormStatus } from 'react-dom';
import { FormMessage } from '@/app/_components/form/form-message';
import type { TDeleteAgencyState } from '../actions';

/** A submit button that shows it is working only when it is the one that was pressed. */
function StepButton({
  step,
  children,
  pendingText,
  className,
  ref,
}: {
  step: string;
  children: React.ReactNode;
  pendingText: string;
  className: string;
  ref?: React.Ref<HTMLButtonElement>;
}) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get('step') === step;
  return (
    <button ref={ref} type="submit" name="step" value={step} className={className} disabled={pending} aria-disabled={pending}>
      {mine ? pendingText : children}
    </button>
  );
}

const dangerButton = 'btn bg-red-700 text-white hover:bg-red-800';

/** Deleting asks first: the first press asks, the second (a separate submit) deletes. */
export function DeleteAgencyForm({
  action,
  agencyName,
  consequences,
}: {
  action: (state: TDeleteAgencyState, formData: FormData) => Promise<TDeleteAgencyState>;
  agencyName: string;
  consequences: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const question = useRef<HTMLDivElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    // Move focus to the question when it appears, and back to the first button when it goes.
    if (state.confirming) question.current?.focus();
    else if (asked.current) start.current?.focus();
    asked.current = !!state.confirming;
  }, [state]);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      {state.confirming ? (
        <div
          ref={question}
          tabIndex={-1}
          role="group"
          aria-labelledby="delete-agency-question"
          className="space-y-3 rounded-md border border-red-300 bg-red-50 p-4 text-red-950"
        >
          <p id="delete-agency-question" className="font-semibold">
            Delete {agencyName}? This cannot be undone.
          </p>
          <p>{consequences}</p>
          <div className="flex flex-wrap gap-3">
            <StepButton step="confirm" className={dangerButton} pendingText="Deleting…">
              Yes, delete {agencyName}
            </StepButton>
            <StepButton step="cancel" className="btn-secondary" pendingText="Keeping it…">
              No, keep it
            </StepButton>
          </div>
        </div>
      ) : (
        <StepButton ref={start} step="ask" className="btn border border-red-300 bg-white text-red-800 hover:bg-red-50" pendingText="Checking…">
          Delete agency…
        </StepButton>
      )}
    </form>
  );
}
