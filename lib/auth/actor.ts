import type { TUserRole } from '@/db/schema';
import { forbiddenError, unauthorizedError } from '@/lib/errors/app-error';

/** Who is asking: every domain operation that is not public takes one and checks it. */
export type TActor = { id: string; role: TUserRole } | null;

export function assertTrainer(actor: TActor): asserts actor is { id: string; role: 'trainer' } {
  if (!actor) throw unauthorizedError();
  if (actor.role !== 'trainer') throw forbiddenError('Only trainers can do this.');
}
