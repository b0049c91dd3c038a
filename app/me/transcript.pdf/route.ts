import { getDb } from '@/db';
import { getCurrentUser } from '@/lib/auth/current-user';
import { myTranscriptPdf } from '@/lib/records/my-training';
import { privateDownload } from '@/app/_lib/private-download';
import { signInFirst } from '../_lib/download-response';

/** The signed-in person's transcript: valid certificates and hours, generated now. */
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return signInFirst();
  const { filename, pdf } = await myTranscriptPdf(await getDb(), user);
  return privateDownload(pdf, 'application/pdf', filename);
}
