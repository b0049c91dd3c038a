'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';

export function RevokeTokenForm({
  action,
  tokenId,
  tokenName,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  tokenId: string;
  tokenName: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <FormMessage state={state} />
      <SubmitButton className="btn-secondary" pendingText="Revoking…">
        Revoke<span className="sr-only"> token {tokenName}</span>
      </SubmitButton>
    </form>
  );
}
