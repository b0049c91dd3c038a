'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type TFormState } from '@/app/_lib/trainer-action';
import { grantCoordinator, removeCoordinator } from '@/lib/records/coordinators';
import { z } from 'zod';
import { field } from '@/app/_lib/form-schema';

/** The agency page lists the coordinators; nothing else shows them. */
const refresh = (agencyId: string) => revalidatePath(`/trainer/agencies/${agencyId}`);

export async function grantCoordinatorAction(agencyId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ email: field.text() }), async (db, actor, input) => {
    const result = await grantCoordinator(db, actor, agencyId, input);
    refresh(agencyId);
    const who = result.coordinator.email;
    return result.alreadyCoordinator
      ? { ok: true, message: `${who} is already a coordinator for ${result.agencyName}.` }
      : { ok: true, message: `${who} is now a coordinator for ${result.agencyName}. They sign in with that address to see the agency’s records.` };
  });
}

export async function removeCoordinatorAction(agencyId: string, _previous: TFormState, formData: FormData): Promise<TFormState> {
  return runAction(formData, z.object({ userId: field.text() }), async (db, actor, { userId }) => {
    await removeCoordinator(db, actor, agencyId, userId);
    refresh(agencyId);
  });
}
