import 'server-only';
import { formatCertificateCode } from '@/lib/certificates/code';
import { findCertificateByCode, findCertificatePdfByCode, hitLookupLimit, publicCertificateView } from '@/lib/certificates/lookup';
import { getEnv } from '@/lib/config/env';
import { AppError, RateLimitedError } from '@/lib/errors/app-error';
import { clientIp } from '@/lib/http/client-ip';
import type { TApiContext } from '../_lib/api-handler';
import { param } from '../_lib/http';

export type TLookupDeps = {
  /** Lookups per client IP per minute; CERTIFICATE_LOOKUP_LIMIT_PER_IP unless given (tests). */
  limitPerIp?: number;
};

// The holder's name is personal data and the status may change (revocation): no copy anywhere.
const PRIVATE = { 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' };

/** Unknown and malformed codes alike: nothing tells a prober which codes are close. */
const noSuchCertificate = () => new AppError('not_found', 'No certificate has this code.', 404);

/** Counts the request against the client's budget; a 429 over it. */
async function assertWithinLimit({ db, request }: TApiContext, deps: TLookupDeps): Promise<void> {
  const limit = deps.limitPerIp ?? getEnv().CERTIFICATE_LOOKUP_LIMIT_PER_IP;
  const hit = await hitLookupLimit(db, clientIp(request.headers), limit);
  if (!hit.allowed) throw new RateLimitedError('Too many certificate lookups from your network. Try again in a minute.', hit.retryAfterMs);
}

/** The public record of one certificate: valid or revoked, whose, which workshop, how many hours. */
export async function getCertificate(ctx: TApiContext, deps: TLookupDeps = {}): Promise<Response> {
  await assertWithinLimit(ctx, deps);
  const certificate = await findCertificateByCode(ctx.db, param(ctx.params, 'code'));
  if (!certificate) throw noSuchCertificate();
  return Response.json(publicCertificateView(certificate), { headers: PRIVATE });
}

/**
 * The certificate's PDF exactly as issued (stored, never rendered again), so it always matches on
 * upload for verification. A revoked certificate's PDF is still served: its holder already has
 * it from the email, and the QR code on it leads to the verification page, which says it is
 * revoked, when and why. Withholding it would hide nothing and would break old links.
 */
export async function getCertificatePdf(ctx: TApiContext, deps: TLookupDeps = {}): Promise<Response> {
  await assertWithinLimit(ctx, deps);
  const found = await findCertificatePdfByCode(ctx.db, param(ctx.params, 'code'));
  if (!found) throw noSuchCertificate();
  const { certificate, pdf } = found;
  return new Response(Buffer.from(pdf), {
    headers: {
      ...PRIVATE,
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="certificate-${formatCertificateCode(certificate.code)}.pdf"`,
      'content-length': String(pdf.byteLength),
    },
  });
}
