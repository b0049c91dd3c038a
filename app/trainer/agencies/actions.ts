'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { currentActor, runAction, type TFormState } from '@/app/_lib/trainer-action';
import { getDb } from '@/db';
import {
  addAgencyContact,
  addPartnership,
  createAgency,
  deleteAgency,
  getAgency,
  removeAgencyContact,
  removePartnership,
  updateAgency,
} from '@/lib/agencies/agencies';
import { AppError, notFoundError } from '@/lib/errors/app-error';
import { isUuid } from '@/lib/workshops/workshops';
import { agencyFieldKey, agencyInput, prefixedInput, renamingFields, text } from './_lib/form-input';

/** The list and every agency page show what changed. */
function refreshAgencies() {
  revalidatePath('/trainer/agencies', 'layout');
  // The dashboard lists memoranda due for renewal.
  revalidatePath('/trainer');
}

export async function createAgencyAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    const agency = await renamingFields(() => createAgency(db, actor, agencyInput(formData)), agencyFieldKey);
    refreshAgencies();
    redirect(`/trainer/agencies/${agency.id}?created=1`);
  });
}

export async function updateAgencyAction(agencyId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    await renamingFields(() => updateAgency(db, actor, agencyId, agencyInput(formData)), agencyFieldKey);
    refreshAgencies();
    return { ok: true, message: 'Agency details saved.' };
  });
}

const CONTACT_KEYS = ['name', 'role', 'email', 'phone'] as const;

export async function addContactAction(agencyId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    const input = prefixedInput(formData, 'contact.', CONTACT_KEYS);
    await renamingFields(() => addAgencyContact(db, actor, agencyId, input), (key) => `contact.${key}`);
    refreshAgencies();
    return { ok: true, message: `${input.name} added to the contacts.` };
  });
}

export async function removeContactAction(agencyId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    // The domain compares the agency id in SQL, where anything but a UUID is a database error.
    if (!isUuid(agencyId)) throw notFoundError('Agency');
    await removeAgencyContact(db, actor, agencyId, text(formData, 'contactId'));
    refreshAgencies();
  });
}

const PARTNERSHIP_KEYS = ['mouStatus', 'signedOn', 'renewalOn', 'informationSharingProtocol', 'notes'] as const;

export async function addPartnershipAction(agencyId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    const input = prefixedInput(formData, 'partnership.', PARTNERSHIP_KEYS);
    await renamingFields(() => addPartnership(db, actor, agencyId, input), (key) => `partnership.${key}`);
    refreshAgencies();
    return { ok: true, message: 'Partnership record added.' };
  });
}

export async function removePartnershipAction(agencyId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, async (db, actor) => {
    if (!isUuid(agencyId)) throw notFoundError('Agency');
    await removePartnership(db, actor, agencyId, text(formData, 'partnershipId'));
    refreshAgencies();
  });
}

export type TDeleteAgencyState = TFormState & { confirming?: boolean };

/**
 * Two steps without client-side confirm(): `step=ask` only checks that the person may delete and
 * asks again; `step=confirm` deletes and goes back to the list; `step=cancel` forgets the question.
 */
export async function deleteAgencyAction(agencyId: string, _previous: TDeleteAgencyState, formData: FormData): Promise<TDeleteAgencyState> {
  const step = text(formData, 'step');
  if (step === 'cancel') return {};
  if (step === 'ask') {
    try {
      await getAgency(await getDb(), await currentActor(), agencyId);
    } catch (error) {
      if (error instanceof AppError) return { error: error.message };
      throw error;
    }
    return { confirming: true };
  }
  if (step !== 'confirm') return {};
  return runAction(formData, async (db, actor) => {
    const { name } = await getAgency(db, actor, agencyId);
    await deleteAgency(db, actor, agencyId);
    refreshAgencies();
    redirect(`/trainer/agencies?deleted=${encodeURIComponent(name)}`);
  });
}
