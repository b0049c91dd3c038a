'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TRegisterFormState } from '@/app/sessions/[id]/registration-steps';
import { RegistrationConfirmation } from './registration-confirmation';

type TRegistrationFormProps = {
  action: (state: TRegisterFormState, formData: FormData) => Promise<TRegisterFormState>;
  /** Filled in for a signed-in person. */
  defaults: { name: string; email: string };
  agencyNames: string[];
  /** The partner agency of a joint session, whose coordinator sees its part of the roster. */
  partnerAgencyName: string | null;
  /** The session holds a place until the registrant confirms it from their email. */
  confirmByEmail: boolean;
};

/** The public registration form: no account needed, a few fields, and what the data is for. */
export function RegistrationForm({ action, defaults, agencyNames, partnerAgencyName, confirmByEmail }: TRegistrationFormProps) {
  const [state, formAction] = useActionState(action, {});
  if (state.outcome) return <RegistrationConfirmation outcome={state.outcome} />;
  const value = (key: string, fallback = '') => state.values?.[key] ?? fallback;
  const error = (key: string) => state.fields?.[key];
  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      <form action={formAction} noValidate className="space-y-4">
        <p className="text-sm text-slate-700">No account or password needed.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="name" label="Full name" error={error('name')}>
            {(props) => <input {...props} type="text" required maxLength={200} autoComplete="name" className="field-input" defaultValue={value('name', defaults.name)} />}
          </Field>
          <Field name="email" label="Email" hint={
              confirmByEmail
                ? 'We email you a link to confirm your place; your calendar invite follows once you do.'
                : 'Your confirmation and calendar invite go here.'
            } error={error('email')}>
            {(props) => (
              <input
                {...props}
                type="email"
                inputMode="email"
                required
                maxLength={320}
                autoComplete="email"
                spellCheck={false}
                className="field-input"
                defaultValue={value('email', defaults.email)}
              />
            )}
          </Field>
          <Field name="agency" label="Agency" hint="Choose a partner agency from the list, or type yours. It is shown to the trainers; in a session run with that agency, its coordinator sees your name and email to confirm you are one of its officers." error={error('agency')}>
            {(props) => (
              <>
                <input {...props} type="text" list="partner-agencies" maxLength={200} autoComplete="organization" className="field-input" defaultValue={value('agency')} />
                <datalist id="partner-agencies">
                  {agencyNames.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field name="badgeNumber" label="Badge or staff number (optional)" error={error('badgeNumber')}>
            {(props) => <input {...props} type="text" maxLength={50} autoComplete="off" className="field-input" defaultValue={value('badgeNumber')} />}
          </Field>
          <Field name="role" label="Role or rank (optional)" hint="For example “Detective Sergeant”." error={error('role')}>
            {(props) => <input {...props} type="text" maxLength={100} autoComplete="organization-title" className="field-input" defaultValue={value('role')} />}
          </Field>
        </div>
        <Field
          name="accessNeeds"
          label="Access needs (optional)"
          hint="Anything that would help you take part, such as step-free access or a hearing loop. Visible only to the trainers."
          error={error('accessNeeds')}
        >
          {(props) => <textarea {...props} rows={3} maxLength={2000} className="field-input" defaultValue={value('accessNeeds')} />}
        </Field>
        <p id="registration-consent" className="text-sm text-slate-700">
          By registering you agree that Muster uses these details for your registration, the emails about this session, attendance records
          and certificates.{' '}
          {partnerAgencyName
            ? `They are shared with the trainers and, as this is a joint session, with ${partnerAgencyName}’s training coordinator if you are one of ${partnerAgencyName}’s officers (your email address is at its domain, or ${partnerAgencyName} confirms you).`
            : 'They are shared with the trainers of this session only.'}
        </p>
        <SubmitButton pendingText="Registering…">Register</SubmitButton>
      </form>
    </div>
  );
}
