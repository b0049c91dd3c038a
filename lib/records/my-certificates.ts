import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import { formatInZone } from '@/lib/time/format-in-zone';
import type { Db } from '@/db';
import { certificates, type TCertificate } from '@/db/schema';
import { formatCertificateCode } from '@/lib/certificates/code';
import { certificateRecordColumns } from '@/lib/certificates/columns';
import { formatCertificateDates } from '@/lib/certificates/render-pdf';

/** One certificate as its holder sees it on "My training" and in their exports. */
export type TMyCertificateDto = {
  /** Grouped for reading aloud; also the key of the PDF download. */
  code: string;
  holderName: string;
  workshopTitle: string;
  /** In the session's zone, the zone named. */
  sessionDate: string;
  sessionStartsAt: string;
  timeZone: string;
  /** The calendar year of the session where it was held (a session on 31 December in Chicago counts for that year). */
  year: number;
  hours: number;
  creditCategory: string;
  status: 'valid' | 'revoked';
  issuedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  replacedByCode: string | null;
  paper: TCertificate['paper'];
};

export function myCertificateDto(c: TCertificate): TMyCertificateDto {
  return {
    code: formatCertificateCode(c.code),
    holderName: c.holderName,
    workshopTitle: c.workshopTitle,
    sessionDate: formatCertificateDates(c.sessionStartsAt, c.sessionEndsAt, c.timeZone),
    sessionStartsAt: c.sessionStartsAt.toISOString(),
    timeZone: c.timeZone,
    year: Number(formatInZone(c.sessionStartsAt, c.timeZone, 'yyyy')),
    hours: Number(c.hours),
    creditCategory: c.creditCategory,
    status: c.revokedAt ? 'revoked' : 'valid',
    issuedAt: c.issuedAt.toISOString(),
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revokedReason: c.revokedAt ? (c.revokedReason ?? '') : null,
    replacedByCode: c.replacedByCode ? formatCertificateCode(c.replacedByCode) : null,
    paper: c.paper,
  };
}

/**
 * Every certificate issued to an email address, most recent session first. The caller must have
 * verified that the address belongs to the person asking (a magic-link sign-in does); addresses
 * are stored lower-cased, as registrations store them.
 */
export async function listCertificatesForEmail(db: Db, email: string): Promise<TMyCertificateDto[]> {
  const address = email.trim().toLowerCase();
  if (!address) return [];
  const rows = await db
    .select(certificateRecordColumns)
    .from(certificates)
    .where(eq(certificates.holderEmail, address))
    .orderBy(desc(certificates.sessionStartsAt), asc(certificates.issuedAt), asc(certificates.code));
  return rows.map(myCertificateDto);
}
