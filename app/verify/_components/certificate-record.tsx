import { hoursText } from '@/lib/text/hours-text';
import type { TVerifyRecord } from '../_lib/record-view';

/** Valid or revoked in large words, then what the certificate says. Rendered on the server and in the upload result. */
export function CertificateRecord({ record }: { record: TVerifyRecord }) {
  const valid = record.status === 'valid';
  return (
    <div className="space-y-4">
      {valid ? (
        <div className="rounded-lg border-2 border-green-700 bg-green-50 p-5 text-green-900">
          <p className="text-4xl font-bold">Valid</p>
          <p className="mt-1 text-lg">This certificate was issued by Muster and has not been revoked.</p>
        </div>
      ) : (
        <div className="rounded-lg border-2 border-red-700 bg-red-50 p-5 text-red-900">
          <p className="text-3xl font-bold break-words">Revoked on {record.revokedOn}</p>
          {record.revokedReason && <p className="mt-1 text-lg break-words">Reason: {record.revokedReason}</p>}
          <p className="mt-1">It no longer counts as a record of attendance.</p>
          {record.replacedByCode && (
            <p className="mt-2 text-lg">
              It was replaced by certificate{' '}
              <a href={`/verify/${record.replacedByCode}`} className="font-mono font-semibold text-red-900">
                {record.replacedByCode}
              </a>
              .
            </p>
          )}
        </div>
      )}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Awarded to</dt>
        <dd className="text-lg font-semibold break-words">{record.holderName}</dd>
        <dt className="font-medium">Workshop</dt>
        <dd className="break-words">{record.workshopTitle}</dd>
        <dt className="font-medium">Session</dt>
        <dd>{record.sessionDate}</dd>
        <dt className="font-medium">Credit hours</dt>
        <dd>
          {hoursText(record.hours)}
          {record.creditCategory && <span> · {record.creditCategory}</span>}
        </dd>
        <dt className="font-medium">Issued</dt>
        <dd>{record.issuedOn}</dd>
        <dt className="font-medium">Certificate code</dt>
        <dd className="font-mono">{record.code}</dd>
      </dl>
    </div>
  );
}
