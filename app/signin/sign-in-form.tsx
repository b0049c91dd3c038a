'use client';

import { useActionState } from 'react';
import { requestSignInLink, type TSignInFormState } from './actions';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<TSignInFormState, FormData>(requestSignInLink, { email: '' });
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.formError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {state.formError}
        </p>
      )}
      <div>
        <label htmlFor="email" className="field-label">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          defaultValue={state.email}
          key={state.email}
          aria-invalid={state.fieldError ? true : undefined}
          aria-describedby={state.fieldError ? 'email-error' : 'email-hint'}
          className="field-input"
        />
        {state.fieldError ? (
          <p id="email-error" className="field-error">
            {state.fieldError}
          </p>
        ) : (
          <p id="email-hint" className="mt-1 text-sm text-slate-600">
            We will email you a link that signs you in. No password needed.
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary" disabled={pending} aria-disabled={pending}>
        {pending ? 'Sending link…' : 'Email me a sign-in link'}
      </button>
    </form>
  );
}
