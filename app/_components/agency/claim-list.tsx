import type { TFormState } from '@/app/_lib/trainer-action';
import type { TAgencyClaimDto } from '@/lib/agencies/membership';
import { ClaimDecisionForm } from './claim-decision-form';

type TDecide = (registrationId: string, state: TFormState, formData: FormData) => Promise<TFormState>;

/**
 * People who typed the agency's name but are not known to be from it: nothing of theirs reaches
 * the agency until someone confirms them. Confirming makes the address a member; rejecting clears the claim.
 */
export function ClaimList({ claims, agencyName, decide }: { claims: TAgencyClaimDto[]; agencyName: string; decide: TDecide }) {
  if (claims.length === 0) return <p>Nobody is waiting to be confirmed.</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {claims.map((claim) => (
        <li key={claim.registrationId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <p className="font-semibold break-words">
              {claim.name} <span className="font-normal break-all">({claim.email})</span>
            </p>
            <p className="text-sm text-slate-700 break-words">
              Claims to be from {agencyName} (gave “{claim.agencyAsGiven}”) for {claim.workshopTitle}, {claim.when}
            </p>
          </div>
          <ClaimDecisionForm action={decide.bind(null, claim.registrationId)} who={claim.name} />
        </li>
      ))}
    </ul>
  );
}
