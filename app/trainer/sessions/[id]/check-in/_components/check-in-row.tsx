'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import type { TFormState } from '@/app/_lib/trainer-action';
import type { TAttendanceStatus } from '@/db/schema';
import { attendanceWords, hoursText } from '../_lib/attendance-words';
import { SubmitButton } from '@/app/_components/form/submit-button';
import { ChoiceButton, choiceStyle, Tick } from './choice-button';

export type TCheckInPerson = {
  id: string;
  name: string;
  agency: string;
  attendance: TAttendanceStatus | null;
  attendedHours: number | null;
  /** "9:05 CST", when attendance was recorded; the zone named. */
  recordedAtText: string | null;
};

const choice = 'btn min-h-12 w-full border text-base';

/**
 * One confirmed person with one-tap buttons. `aria-pressed` shows what is recorded; Partial opens
 * an hours field with its own form, so Enter there saves the hours instead of pressing Attended.
 */
export function CheckInRow({
  person,
  editable,
  maxHours,
  hidden,
  action,
}: {
  person: TCheckInPerson;
  editable: boolean;
  /** The session's length in hours, the most that can be entered. */
  maxHours: number;
  hidden: boolean;
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
}) {
  const [partialOpen, setPartialOpen] = useState(false);
  const [state, formAction] = useActionState(async (previous: TFormState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next.ok) setPartialOpen(false);
    return next;
  }, {});
  const uid = useId();
  const nameId = `${uid}-name`;
  const hoursPanelId = `${uid}-hours-panel`;
  const hoursInputId = `${uid}-hours`;
  const hoursInput = useRef<HTMLInputElement>(null);
  const partialButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (partialOpen) hoursInput.current?.focus();
  }, [partialOpen]);

  const hoursError = state.fields?.hours;
  const rowError = state.error && !hoursError ? state.error : undefined;
  const recorded = attendanceWords(person.attendance, person.attendedHours);

  return (
    <li className="py-4" hidden={hidden} data-check-in-row>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 id={nameId} className="text-lg font-semibold break-words">
          {person.name}
          {person.agency && <span className="font-normal text-slate-700"> · {person.agency}</span>}
        </h3>
        <p className="text-sm text-slate-700">
          {recorded.charAt(0).toUpperCase() + recorded.slice(1)}
          {person.recordedAtText && `, ${person.recordedAtText}`}
        </p>
      </div>
      {editable && (
        <>
          <form action={formAction} className="mt-2">
            <input type="hidden" name="registrationId" value={person.id} />
            <div role="group" aria-labelledby={nameId} className="grid grid-cols-3 gap-2">
              <ChoiceButton name="status" value="attended" pressed={person.attendance === 'attended'} className={choice} pendingText="Saving…">
                Attended
              </ChoiceButton>
              <ChoiceButton name="status" value="absent" pressed={person.attendance === 'absent'} className={choice} pendingText="Saving…">
                Absent
              </ChoiceButton>
              <button
                ref={partialButton}
                type="button"
                className={`${choice} ${choiceStyle(person.attendance === 'partial')}`}
                aria-pressed={person.attendance === 'partial'}
                aria-expanded={partialOpen}
                aria-controls={hoursPanelId}
                onClick={() => setPartialOpen((open) => !open)}
              >
                <Tick shown={person.attendance === 'partial'} />
                Partial
              </button>
            </div>
          </form>
          <form action={formAction} id={hoursPanelId} hidden={!partialOpen} noValidate className="mt-3 space-y-1">
            <input type="hidden" name="registrationId" value={person.id} />
            <input type="hidden" name="status" value="partial" />
            <label htmlFor={hoursInputId} className="field-label">
              Hours attended<span className="sr-only"> by {person.name}</span>
            </label>
            <div className="flex flex-wrap items-start gap-2">
              <input
                ref={hoursInput}
                id={hoursInputId}
                name="hours"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                className="field-input max-w-32"
                defaultValue={state.values?.hours ?? (person.attendedHours === null ? '' : String(person.attendedHours))}
                aria-invalid={hoursError ? true : undefined}
                aria-describedby={`${hoursInputId}-hint${hoursError ? ` ${hoursInputId}-error` : ''}`}
                onKeyDown={(event) => {
                  if (event.key !== 'Escape') return;
                  setPartialOpen(false);
                  partialButton.current?.focus();
                }}
              />
              <SubmitButton className="btn-primary min-h-12" pendingText="Saving…">
                Save hours
              </SubmitButton>
            </div>
            <p id={`${hoursInputId}-hint`} className="text-sm text-slate-700">
              For example 1.5; at most {hoursText(Math.round(maxHours * 100) / 100)}, the length of the session. Escape closes.
            </p>
            {hoursError && (
              <p id={`${hoursInputId}-error`} className="field-error">
                {hoursError}
              </p>
            )}
          </form>
          {rowError && (
            <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 p-2 text-red-900">
              {rowError}
            </p>
          )}
          <p role="status" className="mt-1 text-sm text-green-800">
            {state.ok ? state.message : ''}
          </p>
        </>
      )}
    </li>
  );
}
