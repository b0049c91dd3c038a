import Link from 'next/link';
import { Field } from '@/app/_components/form/field';
import { AUDIT_ACTIONS } from '@/lib/audit/actions';

export type TAuditFilterValues = { person: string; actor: string; session: string; action: string; from: string; to: string };

type Props = { values: TAuditFilterValues; fields: Record<string, string> };

function FilterField({ name, label, type = 'text', hint, values, fields }: Props & { name: keyof TAuditFilterValues; label: string; type?: string; hint?: string }) {
  return (
    <Field name={name} id={`audit-${name}`} label={label} hint={hint} error={fields[name]}>
      {(props) => <input {...props} type={type} defaultValue={values[name]} className="field-input" />}
    </Field>
  );
}

/** A plain GET form: the filters live in the address, so a filtered view can be bookmarked or shared with another trainer. */
export function AuditFilters({ values, fields }: Props) {
  return (
    <form method="get" action="/trainer/audit" className="card space-y-4" aria-labelledby="audit-filters">
      <h2 id="audit-filters" className="text-xl font-semibold">
        Filter
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <FilterField name="person" label="Whose data (email)" type="email" hint="Entries about them, and looks at rosters of sessions they were on." values={values} fields={fields} />
        <FilterField name="actor" label="Who (email)" type="email" hint="The trainer or coordinator who acted." values={values} fields={fields} />
        <FilterField name="session" label="Session id" hint="From the session’s address, /trainer/sessions/…" values={values} fields={fields} />
        <div className="space-y-1">
          <label htmlFor="audit-action" className="field-label">
            Action
          </label>
          <select id="audit-action" name="action" defaultValue={values.action} className="field-input" aria-invalid={fields.action ? true : undefined}>
            <option value="">Any action</option>
            {Object.entries(AUDIT_ACTIONS).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
          {fields.action && <p className="field-error">{fields.action}</p>}
        </div>
        <FilterField name="from" label="From (UTC day)" type="date" values={values} fields={fields} />
        <FilterField name="to" label="To (UTC day, inclusive)" type="date" values={values} fields={fields} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="btn-primary">
          Show entries
        </button>
        <Link href="/trainer/audit">Clear filters</Link>
      </div>
    </form>
  );
}
