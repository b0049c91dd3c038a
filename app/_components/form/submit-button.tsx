'use client';

import { useFormStatus } from 'react-dom';

/** A submit button that shows it is working and cannot be pressed twice. */
export function SubmitButton({ children, pendingText, className = 'btn-primary', name, value }: {
  children: React.ReactNode;
  pendingText: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending ? pendingText : children}
    </button>
  );
}
