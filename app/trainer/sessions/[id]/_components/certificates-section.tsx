import Link from 'next/link';
import type { TFormState } from '@/app/_lib/trainer-action';
import type { TSessionCertificates } from '@/lib/certificates/session-certificates';
import { formatInstant } from '@/lib/roster/roster';
import { hasStarted } from '@/lib/time/zoned';
import { CertificateItem } from './certificate-item';
import { IssueCertificatesButton } from './issue-certificates-button';

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** What issuing will do, said before the trainer commits to it. */
function IssueExplanation({ overview, closed }: { overview: TSessionCertificates; closed: boolean }) {
  return (
    <div className="space-y-2">
      <p>
        {overview.toIssue === 0
          ? 'Nobody’s recorded attendance earns a certificate yet.'
          : `${people(overview.toIssue)} will get a certificate, emailed to them as a PDF.`}{' '}
        Absent people, and partial attendance below the workshop’s minimum, get none.
      </p>
      {overview.unrecorded > 0 && (
        <p className="font-semibold">
          {people(overview.unrecorded)} confirmed {overview.unrecorded === 1 ? 'has' : 'have'} no attendance recorded and will get no certificate.
        </p>
      )}
      {!closed && <p>Closing the roster makes attendance final: it can no longer be changed.</p>}
    </div>
  );
}

/**
 * The session's certificates: before the start, when issuing becomes possible; after, the
 * button that closes the roster and issues them, then every certificate with revoke and reissue.
 */
export function CertificatesSection({
  session,
  overview,
  revokeAction,
  reissueAction,
}: {
  session: { id: string; status: string; startsAt: string; timeZone: string };
  overview: TSessionCertificates;
  revokeAction: TAction;
  reissueAction: TAction;
}) {
  const closed = overview.rosterClosedAt !== null;
  const checkIn = `/trainer/sessions/${session.id}/check-in`;
  let body: React.ReactNode;
  if (session.status === 'cancelled') {
    body = <p className="text-slate-700">This session was cancelled, so there are no certificates to issue.</p>;
  } else if (!hasStarted(session.startsAt)) {
    body = (
      <p className="text-slate-700">
        Certificates can be issued once the session starts, on {formatInstant(session.startsAt, session.timeZone)}. Take attendance at{' '}
        <Link href={checkIn}>check-in</Link>, then close the roster here: everyone who attended gets a certificate by email.
      </p>
    );
  } else if (!closed) {
    body = (
      <div className="space-y-3">
        <p>
          When attendance is recorded at <Link href={checkIn}>check-in</Link>, close the roster to issue one certificate to each person who
          attended, or attended part with enough hours.
        </p>
        <IssueCertificatesButton
          sessionId={session.id}
          toIssue={overview.toIssue}
          startLabel="Close roster and issue certificates…"
          question={overview.toIssue === 0 ? 'Close the roster without issuing certificates?' : `Close the roster and issue ${overview.toIssue === 1 ? '1 certificate' : `${overview.toIssue} certificates`}?`}
        >
          <IssueExplanation overview={overview} closed={false} />
        </IssueCertificatesButton>
      </div>
    );
  } else {
    body = (
      <div className="space-y-3">
        <p>The roster was closed on {formatInstant(overview.rosterClosedAt!, session.timeZone)}: attendance is final.</p>
        {/* Always in the same place as before closing, so the outcome of the run that closed it stays on screen after the refresh. */}
        <IssueCertificatesButton
          sessionId={session.id}
          toIssue={overview.toIssue}
          offer={overview.toIssue > 0}
          startLabel={`Issue ${overview.toIssue === 1 ? 'the remaining certificate' : `the ${overview.toIssue} remaining certificates`}…`}
          question={`Issue ${overview.toIssue === 1 ? '1 more certificate' : `${overview.toIssue} more certificates`}?`}
        >
          <IssueExplanation overview={overview} closed />
        </IssueCertificatesButton>
      </div>
    );
  }

  const valid = overview.certificates.filter((c) => c.revokedAt === null).length;
  return (
    <section aria-labelledby="certificates" className="card space-y-3">
      <h2 id="certificates" className="text-xl font-semibold">
        Certificates <span className="font-normal text-slate-700">({valid} valid)</span>
      </h2>
      {body}
      {overview.certificates.length > 0 && (
        <ul className="divide-y divide-slate-200">
          {overview.certificates.map((certificate) => (
            <li key={certificate.code}>
              <CertificateItem certificate={certificate} timeZone={session.timeZone} revokeAction={revokeAction} reissueAction={reissueAction} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
