'use client';

import { useFormStatus } from 'react-dom';

const pressedStyle = 'border-brand-800 bg-brand-700 text-white hover:bg-brand-800';
const unpressedStyle = 'border-slate-400 bg-white text-slate-900 hover:bg-slate-100';

/** The chosen look for an option button, with a tick so the choice does not rest on colour alone. */
export function choiceStyle(pressed: boolean): string {
  return pressed ? pressedStyle : unpressedStyle;
}

export function Tick({ shown }: { shown: boolean }) {
  return shown ? <span aria-hidden="true">✓</span> : null;
}

/**
 * One option of a set, sent as the form's `name=value` when pressed; `aria-pressed` says which is
 * recorded. Only the pressed one says it is saving; all wait while the form is sent.
 */
export function ChoiceButton({
  name,
  value,
  pressed,
  className,
  pendingText,
  children,
}: {
  name: string;
  value: string;
  pressed: boolean;
  className: string;
  pendingText: string;
  children: React.ReactNode;
}) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get(name) === value;
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-pressed={pressed}
      className={`${className} ${choiceStyle(pressed)}`}
      disabled={pending}
      aria-disabled={pending}
    >
      {mine ? (
        pendingText
      ) : (
        <>
          <Tick shown={pressed} />
          {children}
        </>
      )}
    </button>
  );
}
