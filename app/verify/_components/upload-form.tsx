'use client';

import { useActionState, useState } from 'react';
import { Field } from '@/app/_components/form/field';
import { SubmitButton } from '@/app/_components/form/submit-button';
import { verifyFileAction } from '../actions';
import { MAX_PDF_BYTES, TOO_LARGE_MESSAGE } from '../_lib/limits';
import type { TUploadState } from '../_lib/verify-steps';
import { CertificateRecord } from './certificate-record';

/** Compares a PDF with the files Muster issued; the answer is read out when it arrives. */
export function UploadForm() {
  const [state, action] = useActionState<TUploadState, FormData>(verifyFileAction, {});
  // Said before uploading: a file over the server's limit would otherwise end in an error page.
  const [tooLarge, setTooLarge] = useState(false);
  const error = tooLarge ? TOO_LARGE_MESSAGE : state.error;
  return (
    <div className="space-y-4">
      <form
        action={action}
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          if (tooLarge) event.preventDefault();
        }}
      >
        <Field name="file" label="Certificate PDF" hint="The PDF you received by email or downloaded from Muster. It is compared, not kept." error={error}>
          {(props) => (
            <input
              {...props}
              type="file"
              required
              accept="application/pdf,.pdf"
              className="field-input"
              onChange={(event) => setTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > MAX_PDF_BYTES)}
            />
          )}
        </Field>
        <SubmitButton pendingText="Checking file…">Check file</SubmitButton>
      </form>
      <div aria-live="polite">
        {state.checked && !error && (
          <div className="space-y-4 border-t border-slate-200 pt-4">
            <p className="meta break-all">Checked: {state.checked.fileName}</p>
            {state.checked.record ? (
              <>
                <p className="text-2xl font-bold text-green-900">This is exactly a certificate Muster issued.</p>
                <CertificateRecord record={state.checked.record} />
              </>
            ) : (
              <p className="rounded-lg border-2 border-red-700 bg-red-50 p-5 text-2xl font-bold text-red-900">
                This file is not a certificate issued by Muster, or it has been changed since it was issued.
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
