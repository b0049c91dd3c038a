'use client';

import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { FormMessage } from '@/app/_components/form/form-message';
import type { TFormState } from '@/app/_lib/trainer-action';

/** The state of a form that asks before it acts: `confirming` once the first press was accepted. */
export type TTwoStepState = TFormState & { confirming?: boolean };

/** A submit button that shows it is working only when it is the one that was pressed. */
function StepButton({
  step,
  children,
  pendingText,
  className,
  ref,
}: {
  step: string;
  children: ReactNode;
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

type Props = {
  action: (state: TTwoStepState, formData: FormData) => Promise<TTwoStepState>;
  /** Sent with every step (the id of what the form acts on). */
  hidden?: Record<string, string>;
  /** Distinguishes the question's id when the form is on a page more than once. */
  idSuffix: string;
  start: { label: ReactNode; pending: string };
  question: ReactNode;
  consequences: ReactNode;
  confirm: { label: ReactNode; pending: string };
  keep: { label: ReactNode; pending: string };
};

/**
 * Acts only after asking, without client-side confirm(): the first press (`step=ask`) lets the
 * server check the action is allowed and ask; `step=confirm` acts; `step=cancel` forgets the
 * question. Focus moves to the question when it appears and back when it goes.
 */
export function TwoStepForm({ action, hidden = {}, idSuffix, start, question, consequences, confirm, keep }: Props) {
  const [state, formAction] = useActionState(action, {});
  const questionRef = useRef<HTMLDivElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (state.confirming) questionRef.current?.focus();
    else if (asked.current) startRef.current?.focus();
    asked.current = !!state.confirming;
  }, [state]);
  const questionId = `two-step-question-${idSuffix}`;
  return (
    <form action={formAction} className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage state={state} />
      {state.confirming ? (
        <div ref={questionRef} tabIndex={-1} role="group" aria-labelledby={questionId} className="space-y-3 rounded-md border border-red-300 bg-red-50 p-4 text-red-950">
          <p id={questionId} className="font-semibold">
            {question}
          </p>
          <p>{consequences}</p>
          <div className="flex flex-wrap gap-3">
            <StepButton step="confirm" className={dangerButton} pendingText={confirm.pending}>
              {confirm.label}
            </StepButton>
            <StepButton step="cancel" className="btn-secondary" pendingText={keep.pending}>
              {keep.label}
            </StepButton>
          </div>
        </div>
      ) : (
        <StepButton ref={startRef} step="ask" className="btn border border-red-300 bg-white text-red-800 hover:bg-red-50" pendingText={start.pending}>
          {start.label}
        </StepButton>
      )}
    </form>
  );
}
