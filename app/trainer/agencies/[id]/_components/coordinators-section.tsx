import type { TCoordinatorDto } from '@/lib/records/coordinators';
import { RemoveForm } from '../../_components/remove-form';
import { grantCoordinatorAction, removeCoordinatorAction } from '../coordinator-actions';
import { EmailGrantForm } from '@/app/_components/form/email-grant-form';

/** Who sees this agency's officers' registrations, attendance and hours at /agency. */
export function CoordinatorsSection({ agencyId, agencyName, coordinators }: { agencyId: string; agencyName: string; coordinators: TCoordinatorDto[] }) {
  return (
    <section aria-labelledby="coordinators" className="card space-y-4">
      <div>
        <h2 id="coordinators" className="text-xl font-semibold">
          Coordinators
        </h2>
        <p className="text-slate-700">
          A coordinator sees the registrations, attendance and hours of {agencyName}’s officers, and nobody else’s. Removing one makes
          them an officer again.
        </p>
      </div>
      {coordinators.length === 0 ? (
        <p className="text-slate-700">No coordinators yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          {coordinators.map((person) => (
            <li key={person.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="min-w-0">
                {person.name && <p className="font-semibold break-words">{person.name}</p>}
                <p className="break-all">{person.email}</p>
              </div>
              <RemoveForm action={removeCoordinatorAction.bind(null, agencyId)} idName="userId" id={person.id} what={`coordinator ${person.email}`} />
            </li>
          ))}
        </ul>
      )}
      <EmailGrantForm
        action={grantCoordinatorAction.bind(null, agencyId)}
        id="add-coordinator"
        heading="Add coordinator"
        hint="The address they sign in with. They need no account yet: signing in with it later opens the agency’s records."
        submit={{ label: 'Add coordinator', pending: 'Adding coordinator…' }}
      />
    </section>
  );
}
