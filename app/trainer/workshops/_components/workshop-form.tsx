'use client';

import { useActionState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';
import type { TWorkshopFormValues } from '../_lib/workshop-form-values';

/** Title, description and credit of a workshop: for creating one and for changing one. */
export function WorkshopForm({
  action,
  workshop,
  mode,
  suggestedTopics,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  workshop: TWorkshopFormValues;
  mode: 'create' | 'update';
  suggestedTopics: string[];
}) {
  const [state, formAction] = useActionState(action, {});
  const value = (key: keyof TWorkshopFormValues) => state.values?.[key] ?? workshop[key];
  const error = (key: keyof TWorkshopFormValues) => state.fields?.[key];
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormMessage state={state} />
      <Field name="title" label="Title" error={error('title')}>
        {(props) => <input {...props} type="text" required maxLength={200} className="field-input" defaultValue={value('title')} />}
      </Field>
      <Field
        name="slug"
        label="URL slug (optional)"
        hint={
          mode === 'create'
            ? 'The end of the workshop’s web address, like trauma-informed-interviewing. Leave empty to make one from the title.'
            : 'The end of the workshop’s web address. Changing it breaks links already shared.'
        }
        error={error('slug')}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            maxLength={80}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            className="field-input"
            defaultValue={value('slug')}
          />
        )}
      </Field>
      <Field name="summary" label="Summary" hint="One or two sentences for the catalogue. Needed before publishing." error={error('summary')}>
        {(props) => <textarea {...props} rows={2} maxLength={500} className="field-input" defaultValue={value('summary')} />}
      </Field>
      <Field
        name="descriptionMarkdown"
        label="Description"
        hint="Markdown: ## for a heading, - for a list item, **bold**, [link text](https://…)."
        error={error('descriptionMarkdown')}
      >
        {(props) => <textarea {...props} rows={10} className="field-input font-mono text-sm" defaultValue={value('descriptionMarkdown')} />}
      </Field>
      <Field name="learningObjectives" label="Learning objectives" hint="One per line, up to 20." error={error('learningObjectives')}>
        {(props) => <textarea {...props} rows={5} className="field-input" defaultValue={value('learningObjectives')} />}
      </Field>
      <Field name="audience" label="Intended audience" hint="Who the workshop is for, like “Patrol officers and school resource officers”." error={error('audience')}>
        {(props) => <input {...props} type="text" maxLength={500} className="field-input" defaultValue={value('audience')} />}
      </Field>
      <Field
        name="topics"
        label="Topics"
        hint={<>Separated by commas, up to 12. Often used: {suggestedTopics.join(', ')}.</>}
        error={error('topics')}
      >
        {(props) => <input {...props} type="text" className="field-input" defaultValue={value('topics')} />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="durationMinutes" label="Duration in minutes" hint="For example 180 for three hours." error={error('durationMinutes')}>
          {(props) => <input {...props} type="text" inputMode="numeric" className="field-input" defaultValue={value('durationMinutes')} />}
        </Field>
        <Field name="creditHours" label="Credit hours" hint="For example 3.5. Leave empty for none." error={error('creditHours')}>
          {(props) => <input {...props} type="text" inputMode="decimal" className="field-input" defaultValue={value('creditHours')} />}
        </Field>
      </div>
      <Field name="creditCategory" label="Credit category" hint="For example “POST continuing education”." error={error('creditCategory')}>
        {(props) => <input {...props} type="text" maxLength={120} className="field-input" defaultValue={value('creditCategory')} />}
      </Field>
      <Field
        name="minimumCertificateHours"
        label="Minimum hours for a certificate (partial attendance)"
        hint="Someone who attends part of a session gets a certificate for the hours recorded, from this many up. Leave empty to give one for any hours."
        error={error('minimumCertificateHours')}
      >
        {(props) => <input {...props} type="text" inputMode="decimal" className="field-input sm:max-w-xs" defaultValue={value('minimumCertificateHours')} />}
      </Field>
      <Field
        name="contentNotice"
        label="Content notice"
        hint="Shown before anything else on the workshop page, like “Discusses child abuse and sexual violence.”"
        error={error('contentNotice')}
      >
        {(props) => <textarea {...props} rows={3} maxLength={2000} className="field-input" defaultValue={value('contentNotice')} />}
      </Field>
      <Field name="whatToBring" label="What to bring" hint="Shown in confirmation emails and reminders." error={error('whatToBring')}>
        {(props) => <textarea {...props} rows={3} maxLength={1000} className="field-input" defaultValue={value('whatToBring')} />}
      </Field>
      {mode === 'create' ? (
        <SubmitButton pendingText="Creating workshop…">Create workshop</SubmitButton>
      ) : (
        <SubmitButton pendingText="Saving…">Save workshop</SubmitButton>
      )}
    </form>
  );
}
