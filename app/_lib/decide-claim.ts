import 'server-only';
import { z } from 'zod';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { confirmAgencyClaim, rejectAgencyClaim } from '@/lib/agencies/membership';

const ZDecision = z.object({ decision: z.enum(['confirm', 'reject'], { error: 'Choose confirm or reject.' }) });

/** Confirm or reject a claim, for whoever may (the domain checks): a trainer or the agency's coordinator. */
export async function decideClaim(registrationId: string, formData: FormData, refresh: () => void): Promise<TFormState> {
  return runAction(formData, ZDecision, async (db, actor, { decision }) => {
    if (decision === 'confirm') await confirmAgencyClaim(db, actor, registrationId);
    else await rejectAgencyClaim(db, actor, registrationId);
    refresh();
    return {
      ok: true,
      message: decision === 'confirm' ? 'Confirmed: their joint sessions now show in the agency’s records.' : 'Rejected: they are no longer linked to the agency.',
    };
  });
}
