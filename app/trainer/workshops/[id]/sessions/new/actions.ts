'use server';

import { redirect } from 'next/navigation';
import { ZFormFields } from '@/app/_lib/form-schema';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { renamingFields } from '@/app/trainer/_components/form-data';
import { sessionFieldNamer, sessionFormOrThrow } from '@/app/trainer/_components/parse-session-form';
import { refreshWorkshopSessions } from '@/app/trainer/_components/refresh-sessions';
import { assertTrainer } from '@/lib/auth/actor';
import { createSession, createSessionSeries } from '@/lib/sessions/sessions';

/** One session, or a weekly or chosen-dates series in one transaction; then back to the workshop. */
export async function createSessionAction(workshopId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, ZFormFields, async (db, actor, form) => {
    // Before reading the form, so a signed-out trainer is told to sign in, not to fix fields.
    assertTrainer(actor);
    const parsed = sessionFormOrThrow(form, 'create');
    const { repeat, input } = parsed;
    const added = await renamingFields(
      async () => (repeat ? (await createSessionSeries(db, actor, workshopId, input, repeat)).length : (await createSession(db, actor, workshopId, input), 1)),
      sessionFieldNamer(parsed),
    );
    refreshWorkshopSessions(workshopId);
    redirect(`/trainer/workshops/${workshopId}?notice=sessions-added&count=${added}`);
  });
}
