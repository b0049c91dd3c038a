import { RENEWAL_WINDOW_DAYS, type TRenewalFlag } from '../_lib/renewal';

/** "Overdue" or "Due within 60 days", in words (not colour alone). */
export function RenewalBadge({ flag }: { flag: TRenewalFlag }) {
  if (!flag) return null;
  return flag === 'overdue' ? (
    <strong className="mt-1 block w-fit rounded bg-red-100 px-2 py-0.5 text-sm font-semibold text-red-900">Renewal overdue</strong>
  ) : (
    <strong className="mt-1 block w-fit rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-950">
      Due within {RENEWAL_WINDOW_DAYS} days
    </strong>
  );
}
