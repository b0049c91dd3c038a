/**
 * A labelled input whose id is unique on the page: the roster repeats the same form once per
 * certificate, so the shared Field (ids from the field name) cannot be used here.
 */
export function RowField({
  id,
  name,
  label,
  hint,
  error,
  defaultValue,
  multiline = false,
  maxLength,
  required = false,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue: string;
  multiline?: boolean;
  maxLength: number;
  required?: boolean;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    maxLength,
    required,
    className: 'field-input',
    defaultValue,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? <textarea {...common} rows={2} /> : <input {...common} type="text" autoComplete="off" />}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
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
