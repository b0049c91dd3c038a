import 'server-only';
import { getDb, type Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { getCurrentUser } from '@/lib/auth/current-user';
import type { z } from 'zod';
import { validationError } from '@/lib/errors/app-error';
import { formValues, toFormState, type TFormState } from '@/lib/errors/answers';

export { formValues, type TFormState } from '@/lib/errors/answers';

/**
 * The one wrapper for server actions: finds who is asking, reads the form with `schema` (text to
 * the types the domain takes), runs the domain call (which checks the role itself), and turns a
 * refusal into a form state with messages beside the fields and what was typed (toFormState). A
 * fault is rethrown; so are redirects thrown by `run`.
 */
export async function runAction<TSchema extends z.ZodType>(
  formData: FormData,
  schema: TSchema,
  run: (db: Db, actor: TActor, input: z.output<TSchema>) => Promise<TFormState | void>,
): Promise<TFormState> {
  const user = await getCurrentUser();
  const actor: TActor = user ? { id: user.id, role: user.role } : null;
  try {
    const parsed = schema.safeParse(formValues(formData));
    if (!parsed.success) throw validationError(parsed.error);
    return (await run(await getDb(), actor, parsed.data)) ?? { ok: true };
  } catch (error) {
    return toFormState(error, formData);
  }
}

/** The signed-in person as a domain actor (null for strangers). */
export async function currentActor(): Promise<TActor> {
  const user = await getCurrentUser();
  return user ? { id: user.id, role: user.role } : null;
}
