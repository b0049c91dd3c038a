'use client';

import type { TFormState } from '@/app/_lib/trainer-action';
import { Field } from './field';

/**
 * Name, email and agency of someone a trainer adds by hand (on the roster or at the door), with
 * partner agencies offered while typing. The email hint says what the address will receive.
 */
export function PersonContactFields({
  state,
  agencies,
  listId,
  emailHint,
  agencyHint,
}: {
  state: TFormState;
  agencies: string[];
  /** Unique on the page: the agency suggestions' datalist. */
  listId: string;
  emailHint: string;
  agencyHint?: string;
}) {
  const value = (key: 'name' | 'email' | 'agency') => state.values?.[key] ?? '';
  return (
    <>
      <Field name="name" label="Full name" error={state.fields?.name}>
        {(props) => <input {...props} type="text" required maxLength={200} autoComplete="off" className="field-input" defaultValue={value('name')} />}
      </Field>
      <Field name="email" label="Email" hint={emailHint} error={state.fields?.email}>
        {(props) => (
          <input
            {...props}
            type="email"
            required
            inputMode="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            className="field-input"
            defaultValue={value('email')}
          />
        )}
      </Field>
      <Field name="agency" label="Agency (optional)" hint={agencyHint} error={state.fields?.agency}>
        {(props) => (
          <>
            <input {...props} type="text" list={listId} maxLength={200} autoComplete="off" className="field-input" defaultValue={value('agency')} />
            <datalist id={listId}>
              {agencies.map((agency) => (
                <option key={agency} value={agency} />
              ))}
            </datalist>
          </>
        )}
      </Field>
    </>
  );
}
