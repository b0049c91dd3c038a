'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { refreshCatalogue } from '@/app/_lib/catalogue-cache';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { ZFormFields, ZNoFields } from '@/app/_lib/form-schema';
import { renamingFields } from '@/app/trainer/_components/form-data';
import { changeWorkshopStatus, createWorkshop, updateWorkshop, type TWorkshopAction } from '@/lib/workshops/workshops';
import { parseWorkshopForm, workshopFieldName } from './_lib/parse-workshop-form';

/** The trainer's list and the workshop's own pages show what changed. */
function refreshWorkshop(id: string) {
  revalidatePath('/trainer/workshops');
  revalidatePath(`/trainer/workshops/${id}`, 'layout');
  revalidatePath('/trainer');
  refreshCatalogue();
}

export async function createWorkshopAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, ZFormFields, async (db, actor, form) => {
    const workshop = await renamingFields(() => createWorkshop(db, actor, parseWorkshopForm(form)), workshopFieldName);
    refreshWorkshop(workshop.id);
    redirect(`/trainer/workshops/${workshop.id}?notice=created`);
  });
}

export async function updateWorkshopAction(workshopId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, ZFormFields, async (db, actor, form) => {
    await renamingFields(() => updateWorkshop(db, actor, workshopId, parseWorkshopForm(form)), workshopFieldName);
    refreshWorkshop(workshopId);
    return { ok: true, message: 'Workshop saved.' };
  });
}

const STATUS_ACTIONS: Record<TWorkshopAction, string> = {
  publish: 'Published: the workshop and its public sessions are in the catalogue.',
  unpublish: 'Back to draft: the workshop is no longer in the catalogue.',
  archive: 'Archived: the workshop is no longer in the catalogue.',
};

function isWorkshopAction(value: string): value is TWorkshopAction {
  return Object.hasOwn(STATUS_ACTIONS, value);
}

export async function changeWorkshopStatusAction(workshopId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  const action = String(formData.get('statusAction') ?? '');
  if (!isWorkshopAction(action)) return { error: 'Choose publish, unpublish or archive.' };
  // The status form has no fields: a refusal (no summary yet) is its one message, not a list.
  const { fields: _fields, values: _values, ...state } = await runAction(formData, ZNoFields, async (db, actor) => {
    await changeWorkshopStatus(db, actor, workshopId, action);
    refreshWorkshop(workshopId);
    return { ok: true, message: STATUS_ACTIONS[action] };
  });
  return state;
}
