import type { TFormState } from '@/app/_lib/trainer-action';

/** The form's overall result: an error summary (announced) or a confirmation. */
export function FormMessage({ state }: { state: TFormState }) {
  if (state.error) {
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
        <p className="font-semibold">{state.error}</p>
        {state.fields && Object.keys(state.fields).length > 0 && (
          <ul className="mt-1 list-disc pl-5 text-sm">
            {Object.entries(state.fields).map(([field, message]) => (
              <li key={field}>{message}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (state.message) {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
        {state.message}
      </p>
    );
  }
  return null;
}
