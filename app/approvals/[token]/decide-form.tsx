'use client';

import { useActionState } from 'react';
import { DecisionButton } from '@/app/_components/registration/approval-decision';
import type { TDecideByLinkState } from './actions';

/** Approve or Decline, each a POST: opening the page decided nothing. */
export function DecideForm({ action }: { action: (state: TDecideByLinkState, formData: FormData) => Promise<TDecideByLinkState> }) {
  const [state, formAction] = useActionState(action, {});
  if (state.done) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
        {state.done}
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-3">
      {state.error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {state.error}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <DecisionButton decision="approve" pending="Approving…" className="btn-primary">
          Approve
        </DecisionButton>
        <DecisionButton decision="decline" pending="Declining…" className="btn-secondary">
          Decline
        </DecisionButton>
      </div>
    </form>
  );
}
