import type { TFormState } from '@/app/_lib/trainer-action';
import { hoursText } from '@/lib/text/hours-text';
import type { TSessionCertificateDto } from '@/lib/certificates/session-certificates';
import { formatInstant } from '@/lib/roster/roster';
import { ReissueCertificateForm } from './reissue-certificate-form';
import { RevokeCertificateForm } from './revoke-certificate-form';

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

/** One issued certificate: whose, its code, hours, status with dates in the session's zone, and what can be done. */
export function CertificateItem({
  certificate,
  timeZone,
  revokeAction,
  reissueAction,
}: {
  certificate: TSessionCertificateDto;
  timeZone: string;
  revokeAction: TAction;
  reissueAction: TAction;
}) {
  const c = certificate;
  const revoked = c.revokedAt !== null;
  return (
    <div className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-1">
        <p className="font-semibold break-words">
          {c.holderName}{' '}
          {revoked ? (
            <span className="badge bg-slate-200 font-semibold text-slate-900">Revoked</span>
          ) : (
            <span className="badge bg-green-100 font-semibold text-green-900">Valid</span>
          )}
        </p>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-700">Code</dt>
          <dd>
            <code className="font-mono">{c.code}</code>
          </dd>
          <dt className="text-slate-700">Hours</dt>
          <dd>
            {hoursText(c.hours)}
            {c.creditCategory && ` of ${c.creditCategory}`}
          </dd>
          <dt className="text-slate-700">Issued</dt>
          <dd>{formatInstant(c.issuedAt, timeZone)}</dd>
          {revoked && (
            <>
              <dt className="text-slate-700">Revoked</dt>
              <dd className="break-words">
                {formatInstant(c.revokedAt!, timeZone)}: {c.revokedReason}
              </dd>
            </>
          )}
          {c.replacedByCode && (
            <>
              <dt className="text-slate-700">Replaced by</dt>
              <dd>
                <code className="font-mono">{c.replacedByCode}</code>
              </dd>
            </>
          )}
        </dl>
        <p className="flex flex-wrap gap-x-4 text-sm">
          <a href={`/api/v1/certificates/${c.code}/pdf`}>
            PDF<span className="sr-only"> of certificate {c.code}</span>
          </a>
          <a href={`/verify/${c.code}`}>
            Verification page<span className="sr-only"> of certificate {c.code}</span>
          </a>
        </p>
      </div>
      {!c.replacedByCode && (
        <div className="flex shrink-0 flex-col gap-2 sm:max-w-sm sm:items-end">
          {!revoked && <RevokeCertificateForm action={revokeAction} code={c.code} holderName={c.holderName} />}
          <ReissueCertificateForm action={reissueAction} code={c.code} holderName={c.holderName} />
        </div>
      )}
    </div>
  );
}
