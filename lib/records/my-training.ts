import 'server-only';
import type { Db } from '@/db';
import { getEnv } from '@/lib/config/env';
import { hoursLedger, type THoursLedger } from './ledger';
import { listCertificatesForEmail, type TMyCertificateDto } from './my-certificates';
import { TRAINING_CSV_FILENAME, trainingCsv } from './training-csv';
import { renderTranscriptPdf } from './transcript-pdf';

/** The signed-in person, whose email a magic-link sign-in has verified. */
export type TRecordHolder = { email: string; name: string | null };

export type TMyTrainingRecord = { certificates: TMyCertificateDto[]; ledger: THoursLedger };

/** Certificates (revoked ones too, marked) and the hours ledger, which counts valid ones only. */
export async function getMyTrainingRecord(db: Db, email: string): Promise<TMyTrainingRecord> {
  const certificates = await listCertificatesForEmail(db, email);
  return { certificates, ledger: hoursLedger(certificates) };
}

export async function myTrainingCsv(db: Db, holder: TRecordHolder): Promise<{ filename: string; csv: string }> {
  return { filename: TRAINING_CSV_FILENAME, csv: trainingCsv(await listCertificatesForEmail(db, holder.email)) };
}

export const TRANSCRIPT_FILENAME = 'muster-training-transcript.pdf';

/**
 * The transcript lists valid certificates only. The name printed is the one on the most recent
 * certificate (what trainers recorded, corrected by any reissue), then the account's name, then
 * the address; the paper follows that certificate too, so a US trainer's officers get Letter.
 */
export async function myTranscriptPdf(db: Db, holder: TRecordHolder, now = new Date()): Promise<{ filename: string; pdf: Uint8Array }> {
  const { certificates, ledger } = await getMyTrainingRecord(db, holder.email);
  const valid = certificates.filter((c) => c.status === 'valid');
  const latest = valid[0];
  const pdf = await renderTranscriptPdf({
    holderName: latest?.holderName || holder.name || holder.email,
    email: holder.email.trim().toLowerCase(),
    certificates: valid,
    ledger,
    paper: latest?.paper ?? 'a4',
    generatedAt: now,
    verifyUrl: `${getEnv().APP_URL.replace(/\/+$/, '')}/verify`,
  });
  return { filename: TRANSCRIPT_FILENAME, pdf };
}
