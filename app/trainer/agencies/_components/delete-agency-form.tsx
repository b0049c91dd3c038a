'use client';

import { TwoStepForm } from '@/app/_components/form/two-step-form';
import type { TDeleteAgencyState } from '../actions';

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
  return (
    <TwoStepForm
      action={action}
      idSuffix="delete-agency"
      start={{ label: 'Delete agency…', pending: 'Checking…' }}
      question={<>Delete {agencyName}? This cannot be undone.</>}
      consequences={consequences}
      confirm={{ label: <>Yes, delete {agencyName}</>, pending: 'Deleting…' }}
      keep={{ label: 'No, keep it', pending: 'Keeping it…' }}
    />
  );
}
