'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';
import { ConfirmStep } from './confirm-step';

/** A corrected copy of a certificate (a misspelt name, say): the old one is revoked and points to it. */
export function ReissueCertificateForm({
  action,
  code,
  holderName,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  code: string;
  holderName: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-2">
      <input type="hidden" name="code" value={code} />
      <FormMessage state={state} />
      <ConfirmStep
        startLabel={
          <>
            Reissue…<span className="sr-only"> certificate {code} of {holderName}</span>
          </>
        }
        startClassName="btn-secondary"
        question={`Issue a corrected certificate in place of ${code}?`}
        keepLabel="No, leave it"
        confirm={
          <SubmitButton className="btn-primary" pendingText="Reissuing…">
            Reissue and email it
          </SubmitButton>
        }
      >
        <p>{code} will verify as revoked and point to the new code. The new certificate is emailed to the holder.</p>
        <Field id={`reissue-name-${code}`} name="holderName" label="Name as it should be printed" error={state.fields?.holderName}>
          {(props) => (
            <input {...props} type="text" autoComplete="off" maxLength={200} required className="field-input" defaultValue={state.values?.holderName ?? holderName} />
          )}
        </Field>
        <Field
          id={`reissue-reason-${code}`}
          name="reason"
          label="Reason"
          hint="Like “name misspelt”. The old certificate shows “Reissued: ” and this reason."
          error={state.fields?.reason}
        >
          {(props) => <textarea {...props} rows={2} maxLength={500} required className="field-input" defaultValue={state.values?.reason ?? ''} />}
        </Field>
      </ConfirmStep>
    </form>
  );
}
