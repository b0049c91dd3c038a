import 'server-only';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { confirmAgencyClaim, rejectAgencyClaim } from '@/lib/agencies/membership';

const ZDecision = z.object({ decision: z.enum(['confirm', 'reject'], { error: 'Choose confirm or reject.' }) });

export type TClaimDecided = 'confirmed' | 'rejected';

/** What the page says after a decision: the decided claim has left the list it was in. */
export const CLAIM_DECIDED_TEXT: Record<TClaimDecided, string> = {
  confirmed: 'Confirmed: their places in joint sessions now show in the agency’s records.',
  rejected: 'Rejected: they are no longer linked to the agency.',
};

export function claimDecided(value: unknown): TClaimDecided | undefined {
  return value === 'confirmed' || value === 'rejected' ? value : undefined;
}

/**
 * Confirm or reject a claim, for whoever may (the domain checks): a trainer or the agency's
 * coordinator. Then back to `page`, which says what was decided (the person's name stays out of the URL).
 */
export async function decideClaim(registrationId: string, formData: FormData, page: string, refresh: () => void): Promise<TFormState> {
  return runAction(formData, ZDecision, async (db, actor, { decision }) => {
    if (decision === 'confirm') await confirmAgencyClaim(db, actor, registrationId);
    else await rejectAgencyClaim(db, actor, registrationId);
    refresh();
    redirect(`${page}?decided=${decision === 'confirm' ? 'confirmed' : 'rejected'}#claims`);
  });
}
