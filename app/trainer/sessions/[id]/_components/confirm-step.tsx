'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A second step before something that cannot be undone: the first button only opens the question;
 * `confirm` (a submit button of the surrounding form) does it. Focus moves to the question when
 * it opens and back to the first button when it is dismissed, so keyboard users keep their place.
 */
export function ConfirmStep({
  startLabel,
  startClassName,
  question,
  confirm,
  keepLabel,
  wrap,
  children,
}: {
  startLabel: ReactNode;
  startClassName: string;
  question: ReactNode;
  confirm: ReactNode;
  keepLabel: string;
  /**
   * Puts the open question inside something, such as the form it submits: a form that exists
   * only once asked costs nothing on a page with a hundred of them.
   */
  wrap?: (panel: ReactNode) => ReactNode;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const questionId = useId();
  useEffect(() => {
    if (open) panel.current?.focus();
    else if (wasOpen.current) start.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <button ref={start} type="button" className={startClassName} onClick={() => setOpen(true)}>
        {startLabel}
      </button>
    );
  }
  const asked = (
    <div
      ref={panel}
      tabIndex={-1}
      role="group"
      aria-labelledby={questionId}
      className="space-y-3 rounded-md border border-red-300 bg-red-50 p-4 text-red-950"
    >
      <p id={questionId} className="font-semibold">
        {question}
      </p>
      {children}
      <div className="flex flex-wrap gap-3">
        {confirm}
        <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
          {keepLabel}
        </button>
      </div>
    </div>
  );
  return wrap ? wrap(asked) : asked;
}
