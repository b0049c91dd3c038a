import type { TFormState } from "@/app/_lib/trainer-action";
import {
  CLAIM_DECIDED_TEXT,
  type TClaimDecided,
} from "@/app/_lib/decide-claim";
import type { TAgencyClaimDto } from "@/lib/agencies/membership";
import { ClaimDecisionForm } from "./claim-decision-form";

type TDecide = (
  registrationId: string,
  state: TFormState,
  formData: FormData,
) => Promise<TFormState>;

/**
 * People who typed the agency's name but are not known to be from it: nothing of theirs reaches
 * the agency until someone confirms them. Confirming makes the address a member; rejecting clears the claim.
 */
export function ClaimList({
  claims,
  agencyName,
  decide,
  decided,
}: {
  claims: TAgencyClaimDto[];
  agencyName: string;
  decide: TDecide;
  /** The decision just taken, to say so. */
  decided?: TClaimDecided;
}) {
  const notice = decided && (
    <p
      role="status"
      className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900"
    >
      {CLAIM_DECIDED_TEXT[decided]}
    </p>
  );
  if (claims.length === 0) {
    return (
      <>
        {notice}
        <p>Nobody is waiting to be confirmed.</p>
      </>
    );
  }
  return (
    <>
      {notice}
      <ul className="divide-y divide-slate-200">
        {claims.map((claim) => (
          <li
            key={claim.registrationId}
            className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="font-semibold break-words">
                {claim.name}{" "}
                <span className="font-normal break-all">({claim.email})</span>
              </p>
              <p className="text-sm text-slate-700 break-words">
                Claims to be from {agencyName} (gave “{claim.agencyAsGiven}”)
                for {claim.workshopTitle}, {claim.when}
              </p>
            </div>
            <ClaimDecisionForm
              action={decide.bind(null, claim.registrationId)}
              who={claim.name}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
