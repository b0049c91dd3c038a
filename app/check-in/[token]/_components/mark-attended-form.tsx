'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';
import { markAttendedByTokenAction } from '../actions';

export function MarkAttendedForm({ token }: { token: string }) {
  const [state, action] = useActionState(markAttendedByTokenAction.bind(null, token), {} as TFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      {!state.ok && <SubmitButton pendingText="Marking…">Mark attended</SubmitButton>}
    </form>
  );
}
