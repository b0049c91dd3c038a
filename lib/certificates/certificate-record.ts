import 'server-only';
import type { TCertificate } from '@/db/schema';
import { newCertificateCode } from './code';
import { sha256Hex } from './hash';
import type { TIssueContext, TIssuer } from './issue-context';
import { renderCertificatePdf } from './render-pdf';

/** A certificate before it is stored: every printed fact, its PDF not rendered yet. */
export type TCertificateDraft = Omit<TCertificate, 'id' | 'pdfSha256' | 'revokedAt' | 'revokedReason' | 'replacedByCode'>;
export type TSealedCertificate = TCertificateDraft & { pdfSha256: string; pdf: Uint8Array };

export type THolder = { registrationId: string; name: string; email: string };

/** The snapshot a certificate keeps: later edits to the workshop, session or people never change it. */
export function draftCertificate(context: TIssueContext, holder: THolder, hours: number, issuer: TIssuer, issuedAt: Date): TCertificateDraft {
  return {
    code: newCertificateCode(),
    registrationId: holder.registrationId,
    sessionId: context.session.id,
    holderName: holder.name.trim(),
    holderEmail: holder.email,
    workshopTitle: context.workshop.title,
    sessionStartsAt: context.session.startsAt,
    sessionEndsAt: context.session.endsAt,
    timeZone: context.session.timeZone,
    hours,
    creditCategory: context.workshop.creditCategory,
    facilitators: context.facilitators,
    partnerAgency: context.partnerAgency,
    issuer: issuer.issuer,
    issuerId: issuer.id,
    paper: issuer.paper,
    issuedAt,
  };
}

/**
 * Renders the draft once: the PDF is stored with its SHA-256, and the email and every download
 * serve those bytes, so what the holder has always matches what verification looks for.
 */
export async function sealCertificate(draft: TCertificateDraft): Promise<TSealedCertificate> {
  const pdf = await renderCertificatePdf(draft);
  return { ...draft, pdfSha256: sha256Hex(pdf), pdf };
}
