import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { certificates, type TCertificate } from '@/db/schema';
import { hitRateLimit, type TRateLimitResult } from '@/lib/rate-limit/rate-limit';
import { formatCertificateCode, normalizeCertificateCode } from './code';
import { certificateRecordColumns } from './columns';
import { formatCertificateDates } from './render-pdf';

/** What anyone holding a code may learn about its certificate: nothing beyond what the PDF prints. */
export type TPublicCertificateView = {
  /** Grouped for reading aloud: 7K2Q-9XWD-4HPA-M3TR. */
  code: string;
  status: 'valid' | 'revoked';
  holderName: string;
  workshopTitle: string;
  /** In the session's own zone, the zone named: "Tuesday 3 March 2026, 9:00–12:00 CST". */
  sessionDate: string;
  hours: number;
  creditCategory: string;
  issuedAt: string;
  revokedAt?: string;
  revokedReason?: string;
  /** For a certificate revoked by a reissue: the code of the one that replaces it. */
  replacedByCode?: string;
};

/**
 * Certificate codes are a bearer secret, so every lookup by code or by file counts against one
 * budget per client address: the API, the PDF download and the verification pages alike.
 */
export const LOOKUP_WINDOW_MS = 60_000;

export function hitLookupLimit(db: Db, ip: string, limitPerIp: number): Promise<TRateLimitResult> {
  return hitRateLimit(db, `certificate-lookup:ip:${ip}`, { limit: limitPerIp, windowMs: LOOKUP_WINDOW_MS });
}

/** Accepts any spelling a person may type or read from paper (dashes, spaces, O for 0, I or L for 1). */
export async function findCertificateByCode(db: Db, code: string): Promise<TCertificate | undefined> {
  const stored = normalizeCertificateCode(code);
  if (!stored) return undefined;
  const [row] = await db.select(certificateRecordColumns).from(certificates).where(eq(certificates.code, stored));
  return row;
}

/** A certificate's record and its PDF exactly as issued, for delivery and download. */
export async function findCertificatePdfByCode(db: Db, code: string): Promise<{ certificate: TCertificate; pdf: Uint8Array } | undefined> {
  const stored = normalizeCertificateCode(code);
  if (!stored) return undefined;
  const [row] = await db.select().from(certificates).where(eq(certificates.code, stored));
  if (!row) return undefined;
  const { pdf, ...certificate } = row;
  return { certificate, pdf };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The certificate whose PDF, as issued, has exactly this SHA-256 (hex). */
export async function findCertificateByPdfHash(db: Db, sha256: string): Promise<TCertificate | undefined> {
  const hash = sha256.trim().toLowerCase();
  if (!SHA256_HEX.test(hash)) return undefined;
  const [row] = await db.select(certificateRecordColumns).from(certificates).where(eq(certificates.pdfSha256, hash));
  return row;
}

export function publicCertificateView(c: TCertificate): TPublicCertificateView {
  return {
    code: formatCertificateCode(c.code),
    status: c.revokedAt ? 'revoked' : 'valid',
    holderName: c.holderName,
    workshopTitle: c.workshopTitle,
    sessionDate: formatCertificateDates(c.sessionStartsAt, c.sessionEndsAt, c.timeZone),
    hours: Number(c.hours),
    creditCategory: c.creditCategory,
    issuedAt: c.issuedAt.toISOString(),
    ...(c.revokedAt ? { revokedAt: c.revokedAt.toISOString(), revokedReason: c.revokedReason ?? '' } : {}),
    ...(c.revokedAt && c.replacedByCode ? { replacedByCode: formatCertificateCode(c.replacedByCode) } : {}),
  };
}
