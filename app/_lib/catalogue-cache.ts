import 'server-only';
import { revalidatePath } from 'next/cache';

/**
 * The unfiltered catalogue is served from Next's cache; call this after anything it shows has
 * changed (a workshop published or edited, a session added, moved or cancelled, a seat taken).
 */
export function refreshCatalogue(): void {
  revalidatePath('/browse/[page]', 'page');
}
