import 'server-only';
import type { Db } from '@/db';
import { formatCertificateCode, normalizeCertificateCode } from '@/lib/certificates/code';
import { sha256Hex } from '@/lib/certificates/hash';
import { findCertificateByCode, findCertificateByPdfHash, hitLookupLimit } from '@/lib/certificates/lookup';
import { describeWait } from '@/lib/rate-limit/rate-limit';
import { MAX_PDF_BYTES, TOO_LARGE_MESSAGE } from './limits';
import { verifyRecord, type TVerifyRecord } from './record-view';

/** Who is looking, for the per-address limit every lookup counts against. */
export type TLookupContext = { ip: string; limitPerIp: number };

export const CODE_EXAMPLE = '7K2Q-9XWD-4HPA-M3TR';
export const BAD_CODE_MESSAGE = `That is not a certificate code. A code has 16 letters and digits, like ${CODE_EXAMPLE}.`;

export type TCodeFormState = { code?: string; error?: string };

/** The code form: a code in any spelling becomes the address of its page; anything else, a message by the field. */
export function codeFormTarget(formData: FormData): { redirectTo: string } | TCodeFormState {
  const typed = String(formData.get('code') ?? '').trim();
  if (!typed) return { code: typed, error: `Enter the code printed on the certificate, like ${CODE_EXAMPLE}.` };
  const code = normalizeCertificateCode(typed);
  if (!code) return { code: typed, error: BAD_CODE_MESSAGE };
  return { redirectTo: `/verify/${formatCertificateCode(code)}` };
}

async function limited(db: Db, context: TLookupContext): Promise<string | undefined> {
  const hit = await hitLookupLimit(db, context.ip, context.limitPerIp);
  if (hit.allowed) return undefined;
  return `Too many certificate lookups from your network. Please try again in ${describeWait(hit.retryAfterMs)}.`;
}

export type TCodeLookup =
  | { outcome: 'bad_code'; typed: string }
  | { outcome: 'rate_limited'; message: string }
  | { outcome: 'not_found'; code: string }
  | { outcome: 'found'; record: TVerifyRecord };

/** What /verify/{code} shows. A malformed code costs nothing; every real lookup counts against the limit. */
export async function lookUpCode(db: Db, context: TLookupContext, typed: string): Promise<TCodeLookup> {
  const code = normalizeCertificateCode(typed);
  if (!code) return { outcome: 'bad_code', typed };
  const message = await limited(db, context);
  if (message) return { outcome: 'rate_limited', message };
  const certificate = await findCertificateByCode(db, code);
  return certificate ? { outcome: 'found', record: verifyRecord(certificate) } : { outcome: 'not_found', code: formatCertificateCode(code) };
}

export type TUploadState = {
  /** A message beside the file field: no file, too large, or the limit. */
  error?: string;
  /** Checked: `record` when the file is exactly one Muster issued. */
  checked?: { fileName: string; record: TVerifyRecord | null };
};

/**
 * The upload form: the file's SHA-256 against the fingerprints stored at issue, so a file with
 * a single byte changed is not taken for the certificate it was made from.
 */
export async function checkUploadedPdf(db: Db, context: TLookupContext, formData: FormData): Promise<TUploadState> {
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { error: 'Choose the certificate’s PDF file.' };
  if (file.size > MAX_PDF_BYTES) {
    return { error: TOO_LARGE_MESSAGE };
  }
  const message = await limited(db, context);
  if (message) return { error: message };
  // Any file is compared, PDF or not: whatever was changed, even the first byte, the answer is the same.
  const certificate = await findCertificateByPdfHash(db, sha256Hex(new Uint8Array(await file.arrayBuffer())));
  return { checked: { fileName: file.name, record: certificate ? verifyRecord(certificate) : null } };
}
