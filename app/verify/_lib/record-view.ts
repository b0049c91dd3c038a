import 'server-only';
import { formatInZone } from '@/lib/time/format-in-zone';
import type { TCertificate } from '@/db/schema';
import { publicCertificateView, type TPublicCertificateView } from '@/lib/certificates/lookup';
import { zoneAbbreviation } from '@/lib/time/zoned';

/** The public record with its instants written out for people, in the session's zone and named. */
export type TVerifyRecord = TPublicCertificateView & { issuedOn: string; revokedOn?: string };

const inZone = (instant: Date, timeZone: string) =>
  `${formatInZone(instant, timeZone, 'd MMMM yyyy, H:mm')} ${zoneAbbreviation(instant, timeZone)}`;

export function verifyRecord(c: TCertificate): TVerifyRecord {
  return {
    ...publicCertificateView(c),
    issuedOn: inZone(c.issuedAt, c.timeZone),
    ...(c.revokedAt ? { revokedOn: inZone(c.revokedAt, c.timeZone) } : {}),
  };
}
