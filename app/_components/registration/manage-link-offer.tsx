'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TManageLinkState } from '@/app/sessions/[id]/registration-steps';

/** Shown when the address already has a place: a way back to its manage link, by email only. */
export function ManageLinkOffer({ email, action }: { email: string; action: (state: TManageLinkState, formData: FormData) => Promise<TManageLinkState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <p role="alert" className="font-semibold">
        This email address already has a place in this session.
      </p>
      {state.sent ? (
        <FormMessage state={state} />
      ) : (
        <form action={formAction} className="space-y-3">
          <p>To see, cancel or move that place, use the manage link from its email. We can send the link again.</p>
          <input type="hidden" name="email" value={email} />
          {state.error && <FormMessage state={state} />}
          <SubmitButton className="btn-secondary" pendingText="Sending…">
            Email me my manage link
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
