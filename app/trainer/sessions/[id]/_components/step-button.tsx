'use client';

import { useFormStatus } from 'react-dom';

/** One of several submit buttons of a form: it shows it is working only when it was the one pressed. */
export function StepButton({
  name,
  value,
  children,
  pendingText,
  className,
}: {
  name: string;
  value: string;
  children: React.ReactNode;
  pendingText: string;
  className: string;
}) {
  const { pending, data } = useFormStatus();
  const mine = pending && data?.get(name) === value;
  return (
    <button type="submit" name={name} value={value} className={className} disabled={pending} aria-disabled={pending}>
      {mine ? pendingText : children}
    </button>
  );
}
