import 'server-only';
import { z } from 'zod';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { decideApproval } from '@/lib/registrations/approval';

const ZDecision = z.object({ decision: z.enum(['approve', 'decline'], { error: 'Choose approve or decline.' }) });

/** A signed-in trainer's or coordinator's decision on one request, then `refresh` for the pages that show it. */
export async function decideRequest(registrationId: string, formData: FormData, refresh: () => void): Promise<TFormState> {
  return runAction(formData, ZDecision, async (db, actor, { decision }) => {
    const outcome = await decideApproval(db, { actor, registrationId }, decision);
    refresh();
    if (outcome.kind === 'expired') return { error: 'This request ran out before it was decided; the place has gone back to others.' };
    if (outcome.kind === 'decided') return { message: 'Already decided.' };
    return { ok: true, message: outcome.kind === 'approved' ? `Approved: ${outcome.name} is emailed.` : `Declined: ${outcome.name} is emailed.` };
  });
}
