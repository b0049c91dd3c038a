'use client';

import { useActionState, useState } from 'react';
import { Field } from '@/app/_components/form/field';
import { FormMessage } from '@/app/_components/form/form-message';
import { SubmitButton } from '@/app/_components/form/submit-button';
import type { TFormState } from '@/app/_lib/trainer-action';
import { AGENCY_BOX, ALLOTMENT_INPUT, REMINDER_OFF, type TSessionFormValues } from './session-form-values';

type TRepeat = 'once' | 'weekly' | 'dates';
type TTextKey = Exclude<keyof TSessionFormValues, 'facilitators' | 'agencyIds' | 'allotments'>;

const CO_FACILITATOR_ROWS = 3;

const FIRST_REMINDER_CHOICES: [string, string][] = [
  ['336', '14 days before'],
  ['168', '7 days before'],
  ['72', '3 days before'],
  ['48', '2 days before'],
  ['24', '1 day before'],
  [REMINDER_OFF, 'Off'],
];
const SECOND_REMINDER_CHOICES: [string, string][] = [
  ['48', '2 days before'],
  ['24', '1 day before'],
  ['12', '12 hours before'],
  ['2', '2 hours before'],
  [REMINDER_OFF, 'Off'],
];

/** The choices, plus a time set elsewhere (through the API) so that saving the form does not change it unseen. */
function reminderChoices(choices: [string, string][], current: string): [string, string][] {
  if (choices.some(([hours]) => hours === current) || !/^\d+$/.test(current)) return choices;
  const hours = Number(current);
  const label = hours % 24 === 0 ? `${hours / 24} days before` : `${hours} hours before`;
  return [[current, label], ...choices];
}

/** aria-describedby with one more id (a group's message shown above the field). */
function describedBy(own: string | undefined, extra: string | undefined): string | undefined {
  return [own, extra].filter(Boolean).join(' ') || undefined;
}

function GroupError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/**
 * One session's time, place, seats and people: for scheduling (once, weekly or on chosen dates)
 * and for changing one session. Times are typed as wall-clock times in the chosen zone.
 */
export function SessionForm({
  action,
  mode,
  session,
  agencies,
  timeZones,
  durationHint,
}: {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  mode: 'create' | 'update';
  session: TSessionFormValues;
  agencies: { id: string; name: string }[];
  timeZones: { common: [string, string][]; others: string[] };
  /** Like "This workshop lasts 3 hours." */
  durationHint?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const value = (key: TTextKey) => state.values?.[key] ?? session[key];
  const text = (key: string, saved: string) => state.values?.[key] ?? saved;
  const error = (key: string) => state.fields?.[key];
  const [repeat, setRepeat] = useState<TRepeat>(() => {
    const typed = state.values?.repeat;
    return typed === 'weekly' || typed === 'dates' ? typed : 'once';
  });
  const rows = Math.max(CO_FACILITATOR_ROWS, session.facilitators.length);
  const venueError = error('venue');
  const creating = mode === 'create';

  return (
    <form action={formAction} noValidate className="space-y-8">
      <FormMessage state={state} />

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">When</legend>
        <Field name="timeZone" label="Time zone" hint="Start, end and registration times are read in this zone." error={error('timeZone')}>
          {(props) => (
            <select {...props} required className="field-input" defaultValue={value('timeZone')}>
              <optgroup label="Common time zones">
                {timeZones.common.map(([zone, label]) => (
                  <option key={zone} value={zone}>
                    {label === zone ? zone : `${label}: ${zone}`}
                  </option>
                ))}
              </optgroup>
              <optgroup label="All time zones">
                {timeZones.others.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="startsAt" label="Starts" error={error('startsAt')}>
            {(props) => <input {...props} type="datetime-local" required className="field-input" defaultValue={value('startsAt')} />}
          </Field>
          <Field name="endsAt" label="Ends" hint={durationHint} error={error('endsAt')}>
            {(props) => <input {...props} type="datetime-local" required className="field-input" defaultValue={value('endsAt')} />}
          </Field>
        </div>
      </fieldset>

      {creating && (
        <fieldset className="space-y-3" aria-describedby={error('repeat') ? 'repeat-error' : undefined}>
          <legend className="mb-2 text-xl font-semibold">Schedule a series</legend>
          <div className="space-y-2">
            {(
              [
                ['once', 'One session'],
                ['weekly', 'Repeat weekly'],
                ['dates', 'On chosen dates'],
              ] as const
            ).map(([kind, label]) => (
              <label key={kind} className="flex min-h-11 items-center gap-3">
                <input
                  type="radio"
                  name="repeat"
                  value={kind}
                  defaultChecked={repeat === kind}
                  onChange={() => setRepeat(kind)}
                  className="size-5"
                />
                {label}
              </label>
            ))}
          </div>
          <GroupError id="repeat-error" message={error('repeat')} />
          {repeat === 'weekly' && (
            <Field
              name="repeatCount"
              label="Number of weekly sessions"
              hint="From 2 to 52, counting the first. Each one is on the same weekday at the same local time, even across a change of clocks."
            >
              {(props) => (
                <input
                  {...props}
                  aria-describedby={describedBy(props['aria-describedby'], error('repeat') ? 'repeat-error' : undefined)}
                  aria-invalid={error('repeat') ? true : undefined}
                  type="number"
                  min={2}
                  max={52}
                  step={1}
                  inputMode="numeric"
                  className="field-input sm:max-w-40"
                  defaultValue={text('repeatCount', '')}
                />
              )}
            </Field>
          )}
          {repeat === 'dates' && (
            <Field
              name="repeatDates"
              label="Dates"
              hint="One per line, like 2026-03-10. A session is created on each of these dates, and only these, at the start and end times above."
            >
              {(props) => (
                <textarea
                  {...props}
                  aria-describedby={describedBy(props['aria-describedby'], error('repeat') ? 'repeat-error' : undefined)}
                  aria-invalid={error('repeat') ? true : undefined}
                  rows={5}
                  className="field-input font-mono sm:max-w-60"
                  defaultValue={text('repeatDates', '')}
                />
              )}
            </Field>
          )}
          {repeat !== 'once' && <p className="text-sm text-slate-700">Registration times given below move with each session of the series.</p>}
        </fieldset>
      )}

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">Where</legend>
        <p className="text-slate-700">Give a venue, an online meeting link, or both.</p>
        <GroupError id="venue-error" message={venueError} />
        <Field name="venue.name" label="Venue name" hint="Like “Police Academy, Training Room B”." error={error('venue.name')}>
          {(props) => (
            <input
              {...props}
              aria-describedby={describedBy(props['aria-describedby'], venueError ? 'venue-error' : undefined)}
              aria-invalid={props['aria-invalid'] ?? (venueError ? true : undefined)}
              type="text"
              maxLength={200}
              className="field-input"
              defaultValue={value('venue.name')}
            />
          )}
        </Field>
        <Field name="venue.address" label="Address" error={error('venue.address')}>
          {(props) => <textarea {...props} rows={2} maxLength={500} autoComplete="street-address" className="field-input" defaultValue={value('venue.address')} />}
        </Field>
        <Field name="venue.directions" label="Directions and parking" error={error('venue.directions')}>
          {(props) => <textarea {...props} rows={2} maxLength={2000} className="field-input" defaultValue={value('venue.directions')} />}
        </Field>
        <Field
          name="venue.accessibility"
          label="Accessibility"
          hint="Step-free access, hearing loop, quiet room: what someone needs to know before coming."
          error={error('venue.accessibility')}
        >
          {(props) => <textarea {...props} rows={2} maxLength={2000} className="field-input" defaultValue={value('venue.accessibility')} />}
        </Field>
        <Field
          name="onlineUrl"
          label="Online meeting link"
          hint="Starts with https://. Only confirmed attendees receive it."
          error={error('onlineUrl')}
        >
          {(props) => (
            <input
              {...props}
              aria-describedby={describedBy(props['aria-describedby'], venueError ? 'venue-error' : undefined)}
              aria-invalid={props['aria-invalid'] ?? (venueError ? true : undefined)}
              type="url"
              inputMode="url"
              autoCapitalize="none"
              spellCheck={false}
              className="field-input"
              defaultValue={value('onlineUrl')}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">Seats and registration</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="capacity" label="Capacity" hint="Seats; registrations beyond it join the waitlist." error={error('capacity')}>
            {(props) => <input {...props} type="number" required min={1} step={1} inputMode="numeric" className="field-input" defaultValue={value('capacity')} />}
          </Field>
          <Field
            name="minEnrolment"
            label="Minimum enrolment (optional)"
            hint="The fewest people the session needs to run."
            error={error('minEnrolment')}
          >
            {(props) => <input {...props} type="number" min={1} step={1} inputMode="numeric" className="field-input" defaultValue={value('minEnrolment')} />}
          </Field>
          <Field
            name="registrationOpensAt"
            label="Registration opens (optional)"
            hint={creating ? 'Leave empty to open it now.' : 'Leave empty to keep the saved time.'}
            error={error('registrationOpensAt')}
          >
            {(props) => <input {...props} type="datetime-local" className="field-input" defaultValue={value('registrationOpensAt')} />}
          </Field>
          <Field
            name="registrationClosesAt"
            label="Registration closes (optional)"
            hint="Leave empty to close it when the session starts."
            error={error('registrationClosesAt')}
          >
            {(props) => <input {...props} type="datetime-local" className="field-input" defaultValue={value('registrationClosesAt')} />}
          </Field>
        </div>
      </fieldset>

      {agencies.length > 0 && (
        <fieldset className="space-y-4" aria-describedby={error('allotments') ? 'allotments-error' : undefined}>
          <legend className="mb-2 text-xl font-semibold">Seats reserved for agencies</legend>
          <p className="text-sm text-slate-700">
            Until the release date, an agency’s officers take its reserved seats first, then open ones; nobody else takes a
            reserved seat. Leave an agency empty to reserve none. The catalogue never shows seats by agency.
          </p>
          <GroupError id="allotments-error" message={error('allotments')} />
          <div className="grid gap-4 sm:grid-cols-3">
            {agencies.map((agency) => (
              <Field key={agency.id} name={`${ALLOTMENT_INPUT}${agency.id}`} label={agency.name} error={error(`${ALLOTMENT_INPUT}${agency.id}`)}>
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min={1}
                    step={1}
                    inputMode="numeric"
                    className="field-input"
                    defaultValue={text(`${ALLOTMENT_INPUT}${agency.id}`, session.allotments[agency.id] ?? '')}
                  />
                )}
              </Field>
            ))}
          </div>
          <Field
            name="allotmentsReleaseAt"
            label="Release unused reserved seats (optional)"
            hint="In the session’s time zone. Leave empty for 7 days before the start; the waitlist then moves into them."
            error={error('allotmentsReleaseAt')}
          >
            {(props) => <input {...props} type="datetime-local" className="field-input" defaultValue={value('allotmentsReleaseAt')} />}
          </Field>
        </fieldset>
      )}

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">Reminders</legend>
        <p className="text-slate-700">Confirmed people get each reminder by email, with the calendar invite, this long before the start.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="firstReminderHours" label="First reminder" error={error('firstReminderHours')}>
            {(props) => (
              <select {...props} className="field-input" defaultValue={value('firstReminderHours')}>
                {reminderChoices(FIRST_REMINDER_CHOICES, value('firstReminderHours')).map(([hours, label]) => (
                  <option key={hours} value={hours}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="secondReminderHours" label="Second reminder" error={error('secondReminderHours')}>
            {(props) => (
              <select {...props} className="field-input" defaultValue={value('secondReminderHours')}>
                {reminderChoices(SECOND_REMINDER_CHOICES, value('secondReminderHours')).map(([hours, label]) => (
                  <option key={hours} value={hours}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">Who runs it</legend>
        <p className="text-slate-700">You run the session. Add up to {rows} co-facilitators; leave a row empty if it is not needed.</p>
        <GroupError id="facilitators-error" message={error('facilitators')} />
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="grid gap-4 sm:grid-cols-2">
            <Field name={`facilitators.${row}.name`} label={`Co-facilitator ${row + 1}: name`} error={error(`facilitators.${row}.name`)}>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  maxLength={200}
                  autoComplete="off"
                  className="field-input"
                  defaultValue={text(`facilitators.${row}.name`, session.facilitators[row]?.name ?? '')}
                />
              )}
            </Field>
            <Field name={`facilitators.${row}.email`} label={`Co-facilitator ${row + 1}: email (optional)`} error={error(`facilitators.${row}.email`)}>
              {(props) => (
                <input
                  {...props}
                  type="email"
                  inputMode="email"
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  className="field-input"
                  defaultValue={text(`facilitators.${row}.email`, session.facilitators[row]?.email ?? '')}
                />
              )}
            </Field>
          </div>
        ))}
        <Field
          name="partnerAgencyId"
          label="Partner agency"
          hint="Choosing an agency makes this a joint session, run together with that agency."
          error={error('partnerAgencyId')}
        >
          {(props) => (
            <select {...props} className="field-input" defaultValue={value('partnerAgencyId')}>
              <option value="">None: not a joint session</option>
              {agencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="space-y-2" aria-describedby={error('visibility') ? 'visibility-error' : undefined}>
        <legend className="mb-2 text-xl font-semibold">Visibility</legend>
        <GroupError id="visibility-error" message={error('visibility')} />
        <label className="flex items-start gap-3 py-1">
          <input type="radio" name="visibility" value="public" defaultChecked={value('visibility') !== 'unlisted'} className="mt-1 size-5 shrink-0" />
          <span>
            <span className="font-semibold">Public</span>
            <span className="block text-sm text-slate-700">Listed in the catalogue once the workshop is published.</span>
          </span>
        </label>
        <label className="flex items-start gap-3 py-1">
          <input type="radio" name="visibility" value="unlisted" defaultChecked={value('visibility') === 'unlisted'} className="mt-1 size-5 shrink-0" />
          <span>
            <span className="font-semibold">Unlisted</span>
            <span className="block text-sm text-slate-700">
              Not in the catalogue: reachable only by its link, which you share (for example with one agency’s officers).
            </span>
          </span>
        </label>
        <label className="flex items-start gap-3 py-1">
          <input type="radio" name="visibility" value="agencies" defaultChecked={value('visibility') === 'agencies'} className="mt-1 size-5 shrink-0" />
          <span>
            <span className="font-semibold">For officers of chosen agencies</span>
            <span className="block text-sm text-slate-700">
              In the catalogue as “For officers of …”; only members of the agencies below may register (by their agency email
              domain, or confirmed by you or their coordinator). Anyone else is told who the session is for.
            </span>
          </span>
        </label>
        <fieldset className="ml-8 space-y-1" aria-describedby={error('agencyIds') ? 'agencyIds-error' : undefined}>
          <legend className="font-semibold">Agencies the session is for</legend>
          <GroupError id="agencyIds-error" message={error('agencyIds')} />
          {agencies.length === 0 && <p className="text-sm text-slate-700">Add agencies first, on the Agencies page.</p>}
          {agencies.map((agency) => (
            <label key={agency.id} className="flex items-center gap-3 py-1">
              <input
                type="checkbox"
                name={`${AGENCY_BOX}${agency.id}`}
                defaultChecked={state.values ? state.values[`${AGENCY_BOX}${agency.id}`] === 'on' : session.agencyIds.includes(agency.id)}
                className="size-5 shrink-0"
              />
              {agency.name}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-xl font-semibold">Registering</legend>
        <Field
          name="approval"
          label="Approval before a place is confirmed"
          hint="A self-registration then holds its place for up to 72 hours while the approver decides from an emailed link; officers you or a coordinator register need none."
          error={error('approval')}
        >
          {(props) => (
            <select {...props} className="field-input" defaultValue={value('approval')}>
              <option value="none">None: places are confirmed at once</option>
              <option value="coordinator">The officer’s agency coordinator (the trainer when the agency has none)</option>
              <option value="trainer">The trainer</option>
            </select>
          )}
        </Field>
        <Field
          name="requireEmailConfirmation"
          label="Confirm by email to hold the place"
          hint="When on, a registration holds its place for 30 minutes and counts only once the link we email is used. Nobody can then learn from the form who has registered."
          error={error('requireEmailConfirmation')}
        >
          {(props) => (
            <select {...props} className="field-input" defaultValue={value('requireEmailConfirmation')}>
              {creating && <option value="auto">Only if the session is unlisted</option>}
              <option value="on">On</option>
              <option value="off">Off</option>
            </select>
          )}
        </Field>
        <Field
          name="maxRegistrationsPerAddress"
          label="Registrations per network"
          hint="How many places one internet connection may hold, so nobody can fill the session. Officers at one station often share a connection: raise it, or leave it empty for no limit."
          error={error('maxRegistrationsPerAddress')}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              className="field-input"
              defaultValue={value('maxRegistrationsPerAddress')}
            />
          )}
        </Field>
      </fieldset>

      {creating ? (
        <SubmitButton pendingText={repeat === 'once' ? 'Adding session…' : 'Adding sessions…'}>
          {repeat === 'once' ? 'Add session' : 'Add sessions'}
        </SubmitButton>
      ) : (
        <SubmitButton pendingText="Saving…">Save session</SubmitButton>
      )}
    </form>
  );
}
