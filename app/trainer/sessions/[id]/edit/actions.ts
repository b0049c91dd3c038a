'use server';

import { redirect } from 'next/navigation';
import { ZFormFields } from '@/app/_lib/form-schema';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { renamingFields } from '@/app/trainer/_components/form-data';
import { sessionFieldNamer, sessionFormOrThrow } from '@/app/trainer/_components/parse-session-form';
import { refreshWorkshopSessions } from '@/app/trainer/_components/refresh-sessions';
import { assertTrainer } from '@/lib/auth/actor';
import { notFoundError } from '@/lib/errors/app-error';
import { updateSession } from '@/lib/sessions/sessions';
import { isUuid } from '@/lib/workshops/workshops';

/** Saves the whole form over the session (status untouched), then back to the workshop. */
export async function updateSessionAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, ZFormFields, async (db, actor, form) => {
    assertTrainer(actor);
    // updateSession does not check the id's form; PostgreSQL would refuse a non-UUID with a 500.
    if (!isUuid(sessionId)) throw notFoundError('Session');
    const parsed = sessionFormOrThrow(form, 'update');
    const session = await renamingFields(() => updateSession(db, actor, sessionId, parsed.input), sessionFieldNamer(parsed));
    refreshWorkshopSessions(session.workshop.id);
    redirect(`/trainer/workshops/${session.workshop.id}?notice=session-saved`);
  });
}
