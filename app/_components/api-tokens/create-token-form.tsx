'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TCreateTokenState } from '@/app/_lib/api-token-actions';

function NewToken({ token, name }: { token: string; name: string }) {
  const panel = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => {
    panel.current?.focus();
  }, [token]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }
  return (
    <div
      ref={panel}
      tabIndex={-1}
      role="group"
      aria-labelledby="new-token-heading"
      aria-describedby="new-token-warning"
      className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950"
    >
      <h3 id="new-token-heading" className="text-lg font-semibold">
        Your new token “{name}”
      </h3>
      <p id="new-token-warning" className="font-semibold">
        Store it now, in a password manager or your system’s secret store. It will not be shown again.
      </p>
      <div className="space-y-1">
        <label htmlFor="new-token" className="field-label">
          API token
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id="new-token"
            type="text"
            readOnly
            value={token}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
            className="field-input min-w-0 flex-1 font-mono"
          />
          <button type="button" className="btn-secondary" onClick={copy}>
            Copy token
          </button>
        </div>
        <p aria-live="polite" className="text-sm">
          {copied === 'yes' && 'Copied to the clipboard.'}
          {copied === 'no' && 'Could not copy: select the token and copy it yourself.'}
        </p>
      </div>
    </div>
  );
}

export function CreateTokenForm({ action }: { action: (state: TCreateTokenState, formData: FormData) => Promise<TCreateTokenState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-4">
      {state.token && <NewToken key={state.token} token={state.token} name={state.tokenName ?? ''} />}
      <form action={formAction} noValidate className="space-y-4" aria-labelledby="create-token">
        <h3 id="create-token" className="text-lg font-semibold">
          Create a token
        </h3>
        {!state.token && <FormMessage state={state} />}
        <Field
          name="name"
          label="Token name"
          hint="Name it after what will use it, like “Records system sync”, so you know which to revoke."
          error={state.fields?.name}
        >
          {(props) => (
            <input {...props} type="text" required maxLength={100} autoComplete="off" className="field-input" defaultValue={state.values?.name ?? ''} />
          )}
        </Field>
        <SubmitButton pendingText="Creating token…">Create token</SubmitButton>
      </form>
    </div>
  );
}
