import 'server-only';
import { refreshCatalogue } from '@/app/_lib/catalogue-cache';
import type { TApiHandle } from './api-handler';

/**
 * After a successful change the public catalogue may show differently. Kept out of the handlers
 * because revalidatePath works only inside a Next request, and the handlers are tested outside one.
 */
export function refreshingCatalogue(handle: TApiHandle): TApiHandle {
  return async (ctx) => {
    const response = await handle(ctx);
    if (response.ok) refreshCatalogue();
    return response;
  };
}
