import type { ReactNode } from 'react';

type FieldProps = {
  name: string;
  /** Needed only when the same form appears more than once on a page; otherwise made from `name`. */
  id?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (props: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
};

/** A labelled field with its hint and its error message beside it, wired for screen readers. */
export function Field({ name, id: givenId, label, hint, error, children }: FieldProps) {
  const id = givenId ?? `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children({ id, name, ...(error ? { 'aria-invalid': true as const } : {}), 'aria-describedby': describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
