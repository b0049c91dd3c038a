import 'server-only';
import { revalidatePath } from 'next/cache';
import { refreshCatalogue } from '@/app/_lib/catalogue-cache';

/** After a session of this workshop was added or changed: the trainer's pages and the catalogue. */
export function refreshWorkshopSessions(workshopId: string): void {
  revalidatePath('/trainer');
  revalidatePath('/trainer/workshops');
  revalidatePath(`/trainer/workshops/${workshopId}`, 'layout');
  refreshCatalogue();
}
