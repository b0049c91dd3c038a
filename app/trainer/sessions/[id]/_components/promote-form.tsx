'use client';

import { useActionState, useEffect, useRef } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TPromoteState } from '../actions';
import { StepButton } from './step-button';
import { dangerButton } from './styles';

/** "Promote" for one waitlisted person; when every seat is taken, it offers to go over capacity. */
export function PromoteForm({
  action,
  registrationId,
  name,
}: {
  action: (state: TPromoteState, formData: FormData) => Promise<TPromoteState>;
  registrationId: string;
  name: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const question = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.full) question.current?.focus();
  }, [state]);
  const questionId = `promote-question-${registrationId}`;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="registrationId" value={registrationId} />
      {state.full ? (
        <div
          ref={question}
          tabIndex={-1}
          role="group"
          aria-labelledby={questionId}
          className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950"
        >
          <p id={questionId} className="font-semibold">
            Every seat is taken. Confirm {name} anyway, over capacity?
          </p>
          <div className="flex flex-wrap gap-2">
            <StepButton name="overbook" value="1" className={dangerButton} pendingText="Confirming…">
              Confirm anyway (over capacity)
            </StepButton>
            <StepButton name="step" value="keep" className="btn-secondary" pendingText="Keeping…">
              Keep on the waitlist
            </StepButton>
          </div>
        </div>
      ) : (
        <>
          <FormMessage state={state} />
          <SubmitButton className="btn-secondary" pendingText="Promoting…">
            Promote<span className="sr-only"> {name} to confirmed</span>
          </SubmitButton>
        </>
      )}
    </form>
  );
}
