import 'server-only';
import type { Db } from '@/db';
import { formatCertificateCode } from '@/lib/certificates/code';
import { issueCertificates as issueDomain, reissueCertificate as reissueDomain, revokeCertificate as revokeDomain } from '@/lib/certificates/issue';
import { findCertificateByCode } from '@/lib/certificates/lookup';
import { ZCertificateReissue, ZCertificateRevoke } from '@/lib/certificates/schemas';
import { notFoundError, parseInput } from '@/lib/errors/app-error';
import { jsonBody, trainerActor, type TApiContext } from '../_lib/api-handler';
import { param } from '../_lib/http';

/**
 * Closes the roster and issues the certificates attendance earns. 201 when this call issued any,
 * 200 when there was nothing new to issue (a repeat): the same body either way, codes as printed.
 */
export async function issueSessionCertificates({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  const result = await issueDomain(db, actor, param(params, 'id'));
  return Response.json(result, { status: result.issued.length > 0 ? 201 : 200 });
}

/** An unknown code is a 404 before the body is looked at, as an unknown id is on every route. */
async function existingCode(db: Db, code: string): Promise<string> {
  const found = await findCertificateByCode(db, code);
  if (!found) throw notFoundError('Certificate');
  return found.code;
}

export async function revokeCertificate({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  const code = await existingCode(db, param(params, 'code'));
  const { reason } = parseInput(ZCertificateRevoke, await jsonBody(request));
  const result = await revokeDomain(db, actor, code, reason);
  return Response.json({ code: result.code, status: 'revoked', revokedAt: result.revokedAt.toISOString(), revokedReason: reason });
}

export async function reissueCertificate({ db, request, params }: TApiContext): Promise<Response> {
  const actor = await trainerActor(db, request);
  const code = await existingCode(db, param(params, 'code'));
  const input = parseInput(ZCertificateReissue, await jsonBody(request));
  const result = await reissueDomain(db, actor, code, input);
  return Response.json({ code: result.code, replaces: formatCertificateCode(code) }, { status: 201 });
}
