import 'server-only';
import { getDb, type Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { getCurrentUser } from '@/lib/auth/current-user';
import { toFormState, type TFormState } from '@/lib/errors/answers';

export { formValues, type TFormState } from '@/lib/errors/answers';

/**
 * The one wrapper for server actions: finds who is asking, runs the domain call (which checks
 * the role itself), and turns a refusal into a form state with messages beside the fields
 * (toFormState). A fault is rethrown; so are redirects thrown by `run`.
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
    return toFormState(error, formData);
  }
}

/** The signed-in person as a domain actor (null for strangers). */
export async function currentActor(): Promise<TActor> {
  const user = await getCurrentUser();
  return user ? { id: user.id, role: user.role } : null;
}
