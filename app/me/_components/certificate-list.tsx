import { hoursText } from '@/lib/text/hours-text';
import type { TMyCertificateDto } from '@/lib/records/my-certificates';
import { formatLongDate } from '@/lib/time/zoned';

/** The person's certificates, newest session first; revoked ones stay listed, marked, so a missing hour is explained. */
export function CertificateList({ items }: { items: TMyCertificateDto[] }) {
  return (
    <ul className="divide-y divide-slate-200 border-y border-slate-200">
      {items.map((c) => (
        <li key={c.code} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 space-y-0.5">
            <p className="font-semibold break-words">
              {c.workshopTitle}{' '}
              {c.status === 'revoked' ? (
                <span className="badge bg-red-100 font-semibold text-red-900">Revoked</span>
              ) : (
                <span className="badge bg-green-100 font-semibold text-green-900">Valid</span>
              )}
            </p>
            <p className="meta">{c.sessionDate}</p>
            <p className="meta">
              {hoursText(c.hours)}
              {c.creditCategory && ` · ${c.creditCategory}`}
            </p>
            <p className="meta">
              Code <span className="font-mono">{c.code}</span>
            </p>
            {c.status === 'revoked' && c.revokedAt && (
              <p className="text-sm text-red-900">
                Revoked on {formatLongDate(new Date(c.revokedAt), c.timeZone)}
                {c.revokedReason ? `: ${c.revokedReason}` : ''}.
                {c.replacedByCode && (
                  <>
                    {' '}
                    Replaced by <span className="font-mono">{c.replacedByCode}</span>.
                  </>
                )}
              </p>
            )}
          </div>
          <div className="flex flex-wrap gap-3 sm:shrink-0">
            <a href={`/api/v1/certificates/${c.code}/pdf`} className="btn-secondary">
              Download PDF<span className="sr-only"> of the certificate for {c.workshopTitle}, {c.sessionDate}</span>
            </a>
            <a href={`/verify/${c.code}`} className="btn-secondary">
              Verify<span className="sr-only"> the certificate for {c.workshopTitle}, {c.sessionDate}</span>
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}
