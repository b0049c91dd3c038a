import 'server-only';
import type { TCertificate } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import type { TMailMessage } from '@/lib/mail/enqueue';
import { formatSessionRange } from '@/lib/time/zoned';
import { formatCertificateCode } from './code';

export type TCertificateMailFacts = Pick<
  TCertificate,
  | 'code'
  | 'registrationId'
  | 'sessionId'
  | 'holderName'
  | 'holderEmail'
  | 'workshopTitle'
  | 'sessionStartsAt'
  | 'sessionEndsAt'
  | 'timeZone'
  | 'hours'
  | 'creditCategory'
  | 'facilitators'
  | 'partnerAgency'
>;

function appUrl(): string {
  return getEnv().APP_URL.replace(/\/+$/, '');
}

/** The public page that says whether a code is valid; the same address the PDF's QR code holds. */
export function verifyUrlFor(code: string): string {
  return `${appUrl()}/verify/${formatCertificateCode(code)}`;
}

/**
 * The email that carries a certificate. The PDF is not copied into the message: the mail worker
 * attaches the certificate's stored bytes at delivery (see email-attachment.ts), found by
 * the outbox row's `certificateCode`.
 */
export function certificateMessage(certificate: TCertificateMailFacts): TMailMessage<'certificate-issued'> {
  const code = formatCertificateCode(certificate.code);
  return {
    to: certificate.holderEmail,
    template: 'certificate-issued',
    props: {
      name: certificate.holderName,
      workshopTitle: certificate.workshopTitle,
      when: formatSessionRange(certificate.sessionStartsAt, certificate.sessionEndsAt, certificate.timeZone),
      hours: certificate.hours,
      creditCategory: certificate.creditCategory,
      code,
      verifyUrl: verifyUrlFor(certificate.code),
      myTrainingUrl: `${appUrl()}/me`,
      // As printed on the certificate: who ran the session, and the agency that co-ran it.
      ...(certificate.facilitators ? { facilitators: certificate.facilitators } : {}),
      ...(certificate.partnerAgency ? { partnerAgency: certificate.partnerAgency } : {}),
    },
    sessionId: certificate.sessionId,
    registrationId: certificate.registrationId,
    certificateCode: certificate.code,
  };
}
