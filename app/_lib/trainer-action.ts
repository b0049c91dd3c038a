import 'server-only';
import { getDb, type Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { getCurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors/app-error';

/** What a form's server action returns to useActionState. */
export type TFormState = {
  ok?: boolean;
  message?: string;
  error?: string;
  fields?: Record<string, string>;
  /** What the person typed, so a refused form keeps it. */
  values?: Record<string, string>;
};

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$')) values[key] = value;
  }
  return values;
}

/**
 * The one wrapper for server actions: finds who is asking, runs the domain call (which checks
 * the role itself), and turns an AppError into a form state with messages beside the fields.
 * Anything else is a fault and is rethrown. Redirects thrown by `run` pass through.
 */
export async function runAction(
  formData: FormData,
  run: (db: Db, actor: TActor) => Promise<TFormState | void>,
): Promise<TFormState> {
  const user = await getCurrentUser();
  const actor: TActor = user ? { id: user.id, role: user.role } : null;
  try {
    return (await run(await getDb(), actor)) ?? { ok: true };
  } catch (error) {
    if (error instanceof AppError) {
      return { error: error.message, fields: error.fields, values: formValues(formData) };
    }
    throw error;
  }
}

/** The signed-in person as a domain actor (null for strangers). */
export async function currentActor(): Promise<TActor> {
  const user = await getCurrentUser();
  return user ? { id: user.id, role: user.role } : null;
}
