'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { TTwoStepState } from '@/app/_components/form/two-step-form';
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
import { z } from 'zod';
import { field, ZNoFields } from '@/app/_lib/form-schema';
import { decideClaim } from '@/app/_lib/decide-claim';
import { renamingFields } from '@/app/trainer/_components/form-data';
import { toFormState } from '@/lib/errors/answers';
import { notFoundError } from '@/lib/errors/app-error';
import { isUuid } from '@/lib/workshops/workshops';

/** The agency fields as the domain takes them; units and email domains come one per line. */
const ZAgencyForm = z.object({ name: field.text(), kind: field.text(), units: field.lines(), emailDomains: field.lines(), notes: field.text() });

/** `units.3` → `units`: one message beside the textarea for any of its lines. */
const agencyFieldKey = (key: string, message: string): [string, string] => [key.split('.')[0] ?? key, message];

/** The fields of a prefixed form (`contact.name` → `name`), trimmed; the domain's field messages go back beside them. */
function prefixedForm<K extends string>(prefix: string, keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((key) => [`${prefix}${key}`, field.text()]));
  return z.object(shape).transform((form) => Object.fromEntries(keys.map((key) => [key, (form[`${prefix}${key}`] ?? '').trim()])) as Record<K, string>);
}
const prefixed = (prefix: string) => (key: string, message: string): [string, string] => [`${prefix}${key}`, message];

/** The list and every agency page show what changed. */
function refreshAgencies() {
  revalidatePath('/trainer/agencies', 'layout');
  // The dashboard lists memoranda due for renewal.
  revalidatePath('/trainer');
}

export async function createAgencyAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, ZAgencyForm, async (db, actor, input) => {
    const agency = await renamingFields(() => createAgency(db, actor, input), agencyFieldKey);
    refreshAgencies();
    redirect(`/trainer/agencies/${agency.id}?created=1`);
  });
}

export async function updateAgencyAction(agencyId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, ZAgencyForm, async (db, actor, input) => {
    await renamingFields(() => updateAgency(db, actor, agencyId, input), agencyFieldKey);
    refreshAgencies();
    return { ok: true, message: 'Agency details saved.' };
  });
}

const ZContactForm = prefixedForm('contact.', ['name', 'role', 'email', 'phone']);

export async function addContactAction(agencyId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, ZContactForm, async (db, actor, input) => {
    await renamingFields(() => addAgencyContact(db, actor, agencyId, input), prefixed('contact.'));
    refreshAgencies();
    return { ok: true, message: `${input.name} added to the contacts.` };
  });
}

export async function removeContactAction(agencyId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ contactId: field.text() }), async (db, actor, { contactId }) => {
    // The domain compares the agency id in SQL, where anything but a UUID is a database error.
    if (!isUuid(agencyId)) throw notFoundError('Agency');
    await removeAgencyContact(db, actor, agencyId, contactId);
    refreshAgencies();
  });
}

const ZPartnershipForm = prefixedForm('partnership.', ['mouStatus', 'signedOn', 'renewalOn', 'informationSharingProtocol', 'notes']);

export async function addPartnershipAction(agencyId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, ZPartnershipForm, async (db, actor, input) => {
    await renamingFields(() => addPartnership(db, actor, agencyId, input), prefixed('partnership.'));
    refreshAgencies();
    return { ok: true, message: 'Partnership record added.' };
  });
}

export async function removePartnershipAction(agencyId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ partnershipId: field.text() }), async (db, actor, { partnershipId }) => {
    if (!isUuid(agencyId)) throw notFoundError('Agency');
    await removePartnership(db, actor, agencyId, partnershipId);
    refreshAgencies();
  });
}

export type TDeleteAgencyState = TTwoStepState;

/**
 * Two steps without client-side confirm(): `step=ask` only checks that the person may delete and
 * asks again; `step=confirm` deletes and goes back to the list; `step=cancel` forgets the question.
 */
export async function deleteAgencyAction(agencyId: string, _previous: TDeleteAgencyState, formData: FormData): Promise<TDeleteAgencyState> {
  const step = formData.get('step');
  if (step === 'cancel') return {};
  if (step === 'ask') {
    try {
      await getAgency(await getDb(), await currentActor(), agencyId);
    } catch (error) {
      return { error: toFormState(error).error };
    }
    return { confirming: true };
  }
  if (step !== 'confirm') return {};
  return runAction(formData, ZNoFields, async (db, actor) => {
    const { name } = await getAgency(db, actor, agencyId);
    await deleteAgency(db, actor, agencyId);
    refreshAgencies();
    redirect(`/trainer/agencies?deleted=${encodeURIComponent(name)}`);
  });
}

export async function decideAgencyClaimAction(agencyId: string, registrationId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return decideClaim(registrationId, formData, `/trainer/agencies/${encodeURIComponent(agencyId)}`, refreshAgencies);
}
