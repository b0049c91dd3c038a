'use server';

import { getDb } from '@/db';
import { decideApproval } from '@/lib/registrations/approval';

export type TDecideByLinkState = { done?: string; error?: string };

/** The approver's button: the single-use token decides, no sign-in needed. */
export async function decideByLinkAction(token: string, _previous: TDecideByLinkState, formData: FormData): Promise<TDecideByLinkState> {
  const decision = formData.get('decision') === 'decline' ? 'decline' : 'approve';
  const outcome = await decideApproval(await getDb(), { token }, decision);
  switch (outcome.kind) {
    case 'approved':
      return { done: `Approved. ${outcome.name} is emailed the calendar invite for ${outcome.workshopTitle}.` };
    case 'declined':
      return { done: `Declined. ${outcome.name} is told, and the place has gone back to others.` };
    case 'expired':
      return { error: 'This request ran out before it was decided; the place has gone back to others.' };
    default:
      return { error: 'This link has been used already, or the request was withdrawn.' };
  }
}
