'use server';

import { ZNoFields } from '@/app/_lib/form-schema';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { checkInByToken } from '@/lib/attendance/check-in-by-token';
import { formatInstant } from '@/lib/roster/roster';

/**
 * The "Mark attended" button: a POST from this page, so it may overwrite absent or partial.
 * Nothing is revalidated: the trainer pages are rendered per request, and a refresh of this page
 * would replace the answer with "already marked".
 */
export async function markAttendedByTokenAction(token: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, ZNoFields, async (db, actor) => {
    const outcome = await checkInByToken(db, actor, token, 'mark');
    if (outcome.kind === 'not_found' || outcome.kind === 'not_trainer') return { error: 'Only a trainer signed in to Muster can check people in.' };
    if (outcome.kind === 'refused') return { error: outcome.message };
    if (outcome.kind === 'marked') return { ok: true, message: `Marked attended at ${formatInstant(outcome.recordedAt, outcome.timeZone)}.` };
    return { ok: true, message: 'Already marked attended, nothing changed.' };
  });
}
