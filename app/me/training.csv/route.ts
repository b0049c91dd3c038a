import { getDb } from '@/db';
import { getCurrentUser } from '@/lib/auth/current-user';
import { myTrainingCsv } from '@/lib/records/my-training';
import { privateDownload } from '@/app/_lib/private-download';
import { signInFirst } from '../_lib/download-response';

/** The signed-in person's certificates as CSV, one row per certificate. */
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return signInFirst();
  const { filename, csv } = await myTrainingCsv(await getDb(), user);
  return privateDownload(csv, 'text/csv; charset=utf-8', filename);
}
