'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';
import { ConfirmStep } from './confirm-step';
import { dangerButton, dangerOutlineButton } from './styles';

/** Revokes one certificate after asking, with the reason anyone verifying it will read. */
export function RevokeCertificateForm({
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
            Revoke…<span className="sr-only"> certificate {code} of {holderName}</span>
          </>
        }
        startClassName={dangerOutlineButton}
        question={`Revoke ${holderName}’s certificate ${code}?`}
        keepLabel="No, keep it valid"
        confirm={
          <SubmitButton className={dangerButton} pendingText="Revoking…">
            Yes, revoke it
          </SubmitButton>
        }
      >
        <p>It will verify as revoked from now on. This cannot be undone, but you can issue a corrected one with Reissue.</p>
        <Field id={`revoke-reason-${code}`} name="reason" label="Reason" hint="Shown to anyone who checks the code, so keep it factual." error={state.fields?.reason}>
          {(props) => <textarea {...props} rows={2} maxLength={500} required className="field-input" defaultValue={state.values?.reason ?? ''} />}
        </Field>
      </ConfirmStep>
    </form>
  );
}
