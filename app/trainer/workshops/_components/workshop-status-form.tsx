'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { FormMessage } from '@/app/_components/form/form-message';
import type { TFormState } from '@/app/_lib/trainer-action';
import type { TWorkshopStatus } from '@/db/schema';

type TStatusAction = 'publish' | 'unpublish' | 'archive';

type TChoice = { action: TStatusAction; label: string; pending: string; primary?: boolean };

/** What makes sense from each status; an archived workshop can come back published or as a draft. */
const CHOICES: Record<TWorkshopStatus, TChoice[]> = {
  draft: [
    { action: 'publish', label: 'Publish', pending: 'Publishing…', primary: true },
    { action: 'archive', label: 'Archive', pending: 'Archiving…' },
  ],
  published: [
    { action: 'unpublish', label: 'Unpublish', pending: 'Unpublishing…' },
    { action: 'archive', label: 'Archive', pending: 'Archiving…' },
  ],
  archived: [
    { action: 'publish', label: 'Publish again', pending: 'Publishing…', primary: true },
    { action: 'unpublish', label: 'Restore as draft', pending: 'Restoring…' },
  ],
};

function StatusButton({ choice }: { choice: TChoice }) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get('statusAction') === choice.action;
  return (
    <button
      type="submit"
      name="statusAction"
      value={choice.action}
      className={choice.primary ? 'btn-primary' : 'btn-secondary'}
      disabled={pending}
      aria-disabled={pending}
    >
      {mine ? choice.pending : choice.label}
    </button>
  );
}

/** Publish, unpublish or archive a workshop; the buttons offered depend on its status. */
export function WorkshopStatusForm({
  action,
  status,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  status: TWorkshopStatus;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-3">
        {CHOICES[status].map((choice) => (
          <StatusButton key={choice.action} choice={choice} />
        ))}
      </div>
    </form>
  );
}
