'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { nominateOfficers, previewNominations } from '@/lib/agencies/nominations';
import { cancelNominee, substituteNominee } from '@/lib/agencies/nominee-changes';
import { cleanNominees, parseNomineeList, ZNominee, type TNomineeLine } from '@/lib/agencies/nominee-list';
import type { TTwoStepState } from '@/app/_components/form/two-step-form';
import { AppError, parseInput } from '@/lib/errors/app-error';
import { decideRequest } from '@/app/_lib/decide-approval';

/** A list form's state: the lines as checked, once the coordinator asked for a check. */
export type TNominationFormState = TFormState & { preview?: TNomineeLine[] };

const page = (sessionId: string) => `/agency/sessions/${sessionId}`;

function registeredText(results: { status: 'confirmed' | 'waitlisted' }[]): string {
  const waitlisted = results.filter((r) => r.status === 'waitlisted').length;
  const officers = results.length === 1 ? '1 officer' : `${results.length} officers`;
  const detail = waitlisted === 0 ? 'each has a place' : waitlisted === results.length ? 'all on the waitlist' : `${waitlisted} on the waitlist`;
  return `Registered ${officers} (${detail}); each gets a confirmation email with a calendar invite.`;
}

/** Checks a pasted list (`intent=check`), or registers it once it reads cleanly (`intent=register`). */
export async function nominateListAction(sessionId: string, _previous: TNominationFormState, formData: FormData): Promise<TNominationFormState> {
  let preview: TNomineeLine[] | undefined;
  const state = await runAction(formData, z.object({ officers: z.string().default(''), intent: z.string().default('check') }), async (db, actor, input) => {
    preview = await previewNominations(db, actor, sessionId, parseNomineeList(input.officers));
    const nominees = cleanNominees(preview);
    if (preview.length === 0) throw new AppError('validation_failed', 'Paste at least one officer.', 422, { officers: 'Paste at least one officer: name, email and badge number, one a line.' });
    if (input.intent !== 'register' || !nominees) return { values: { officers: input.officers } };
    const results = await nominateOfficers(db, actor, sessionId, nominees);
    revalidatePath(page(sessionId));
    preview = undefined;
    return { ok: true, message: registeredText(results), values: { officers: '' } };
  });
  return { ...state, ...(preview && { preview }) };
}

/** Registers one officer typed into the fields. */
export async function nominateOneAction(sessionId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ name: z.string().default(''), email: z.string().default(''), badgeNumber: z.string().default('') }), async (db, actor, input) => {
    const nominee = parseInput(ZNominee, input);
    const results = await nominateOfficers(db, actor, sessionId, [nominee]);
    revalidatePath(page(sessionId));
    return { ok: true, message: `${nominee.name}: ${registeredText(results)}` };
  });
}

/** Sends another officer in the place of one of the agency's. */
export async function substituteAction(sessionId: string, registrationId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ name: z.string().default(''), email: z.string().default(''), badgeNumber: z.string().default('') }), async (db, actor, input) => {
    await substituteNominee(db, actor, registrationId, input);
    revalidatePath(page(sessionId));
    return { ok: true, message: `${input.name.trim()} has the place now; both officers are emailed.` };
  });
}

/** Cancels one of the agency's officers' places, after asking. */
export async function cancelNomineeAction(sessionId: string, registrationId: string, _previous: TTwoStepState, formData: FormData): Promise<TTwoStepState> {
  const step = formData.get('step');
  if (step === 'cancel') return {};
  if (step !== 'confirm') return { confirming: true };
  return runAction(formData, z.object({}), async (db, actor) => {
    await cancelNominee(db, actor, registrationId);
    revalidatePath(page(sessionId));
    return { ok: true, message: 'Cancelled; the officer is emailed and the waitlist moves.' };
  });
}

/** The coordinator approves or declines one of their officers' requests. */
export async function decideRequestAction(sessionId: string, registrationId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return decideRequest(registrationId, formData, () => {
    revalidatePath(page(sessionId));
    revalidatePath('/agency');
  });
}
