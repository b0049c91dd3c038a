'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { TFormState } from '@/app/_lib/trainer-action';

/** One of the Approve / Decline submit buttons: pending only when it is the one pressed. */
export function DecisionButton({ decision, children, pending, className }: { decision: string; children: React.ReactNode; pending: string; className: string }) {
  const status = useFormStatus();
  const mine = status.pending && status.data?.get('decision') === decision;
  return (
    <button type="submit" name="decision" value={decision} className={className} disabled={status.pending} aria-disabled={status.pending}>
      {mine ? pending : children}
    </button>
  );
}

/** Approve or decline one request for a place; the answer is announced beside the buttons. */
export function ApprovalDecision({ action, name }: { action: (state: TFormState, formData: FormData) => Promise<TFormState>; name: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <DecisionButton decision="approve" pending="Approving…" className="btn-primary">
        Approve<span className="sr-only"> {name}</span>
      </DecisionButton>
      <DecisionButton decision="decline" pending="Declining…" className="btn-secondary">
        Decline<span className="sr-only"> {name}</span>
      </DecisionButton>
      {(state.error || state.message) && (
        <p role={state.error ? 'alert' : 'status'} className={state.error ? 'field-error' : 'text-green-900'}>
          {state.error ?? state.message}
        </p>
      )}
    </form>
  );
}
