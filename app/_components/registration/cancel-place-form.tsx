'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

/** "Cancel my place" asks once more before it acts: a freed seat goes to someone else at once. */
export function CancelPlaceForm({ action, confirmed }: { action: (state: TFormState) => Promise<TFormState>; confirmed: boolean }) {
  const [state, formAction] = useActionState(action, {});
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLDivElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    // Focus follows the question as it appears, and returns to the first button when it goes.
    if (asking) question.current?.focus();
    else if (asked.current) start.current?.focus();
    asked.current = asking;
  }, [asking]);
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      {asking ? (
        <div
          ref={question}
          tabIndex={-1}
          role="group"
          aria-labelledby="cancel-place-question"
          className="space-y-3 rounded-md border border-red-300 bg-red-50 p-4 text-red-950"
        >
          <p id="cancel-place-question" className="font-semibold">
            Cancel your place?
          </p>
          <p>
            {confirmed
              ? 'Your seat goes to the next person on the waitlist straight away, and the event is removed from your calendar. To come after all, you would register again.'
              : 'You leave the waitlist. To come after all, you would register again, at the end of the line.'}
          </p>
          <div className="flex flex-wrap gap-3">
            <form action={formAction}>
              <SubmitButton className="btn bg-red-700 text-white hover:bg-red-800" pendingText="Cancelling…">
                Yes, cancel my place
              </SubmitButton>
            </form>
            <button type="button" className="btn-secondary" onClick={() => setAsking(false)}>
              No, keep my place
            </button>
          </div>
        </div>
      ) : (
        <button ref={start} type="button" className="btn border border-red-300 bg-white text-red-800 hover:bg-red-50" onClick={() => setAsking(true)}>
          Cancel my place
        </button>
      )}
    </div>
  );
}
