import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { currentActor } from '@/app/_lib/trainer-action';
import { getDb } from '@/db';
import { checkInByToken, intentForOpening, type TCheckInOutcome } from '@/lib/attendance/check-in-by-token';
import { formatInstant } from '@/lib/roster/roster';
import { MarkAttendedForm } from './_components/mark-attended-form';

/**
 * Opening the link is the check-in: a trainer scans the code with a phone camera, which opens it
 * with a plain GET, and one scan must be enough. That is safe here because marking someone
 * attended is idempotent (a second opening changes nothing and says so), only a signed-in
 * trainer's request writes anything, only a direct opening writes (Sec-Fetch-Site, see
 * intentForOpening: a link on another site gets a "Mark attended" button instead), a GET never
 * overwrites absent or partial, no page links here (so nothing prefetches it), and the page is
 * rendered for every request, never cached.
 */
export const dynamic = 'force-dynamic';

// The token is a key to one person's attendance: no Referer carries it off, no search engine keeps it.
export const metadata: Metadata = {
  title: 'Check-in',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

type TProps = { params: Promise<{ token: string }> };

const ATTENDANCE_WORDS = { attended: 'attended', absent: 'absent', partial: 'partly attended' } as const;

function CheckInListLink({ sessionId }: { sessionId: string }) {
  return (
    <p>
      <Link href={`/trainer/sessions/${sessionId}/check-in`} className="btn-primary">
        Open the check-in list
      </Link>
    </p>
  );
}

function NeutralNotice({ signedIn, token }: { signedIn: boolean; token: string }) {
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Muster check-in code</h1>
      <p>This is a check-in code for a Muster session. The session’s trainer or a co-facilitator scans it at the door.</p>
      {!signedIn && (
        <p>
          Running the session? <Link href={`/signin?callbackUrl=${encodeURIComponent(`/check-in/${token}`)}`}>Sign in</Link> with the email the session lists for you and
          open the code again.
        </p>
      )}
    </div>
  );
}

function Outcome({ outcome, token }: { outcome: Exclude<TCheckInOutcome, { kind: 'not_found' | 'not_trainer' }>; token: string }) {
  const session = (
    <p className="text-slate-700">
      {outcome.workshopTitle}, {outcome.when}
    </p>
  );
  if (outcome.kind === 'refused') {
    return (
      <>
        <h1 className="text-3xl font-bold break-words">Not checked in: {outcome.name}</h1>
        {session}
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 font-semibold text-red-900">
          {outcome.message}
        </p>
      </>
    );
  }
  if (outcome.kind === 'ask') {
    return (
      <>
        <h1 className="text-3xl font-bold break-words">Check in: {outcome.name}</h1>
        {session}
        <p>{outcome.attendance ? `Recorded as ${ATTENDANCE_WORDS[outcome.attendance]}. ` : 'Not marked yet. '}Is this person here?</p>
        <MarkAttendedForm token={token} />
      </>
    );
  }
  if (outcome.kind === 'unchanged') {
    const at = outcome.recordedAt ? ` at ${formatInstant(outcome.recordedAt, outcome.timeZone)}` : '';
    return (
      <>
        <h1 className="text-3xl font-bold break-words">Already checked in: {outcome.name}</h1>
        {session}
        <p role="status" className="rounded-md border border-slate-300 bg-slate-100 p-3">
          Already marked attended{at}, nothing changed.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold break-words">Marked attended: {outcome.name}</h1>
      {session}
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
        Marked attended at {formatInstant(outcome.recordedAt, outcome.timeZone)}
        {outcome.previous ? ` (was recorded as ${ATTENDANCE_WORDS[outcome.previous]})` : ''}.
      </p>
    </>
  );
}

export default async function CheckInLinkPage({ params }: TProps) {
  const { token } = await params;
  const actor = await currentActor();
  const intent = intentForOpening((await headers()).get('sec-fetch-site'));
  const outcome = await checkInByToken(await getDb(), actor, token, intent);
  if (outcome.kind === 'not_found') notFound();
  if (outcome.kind === 'not_trainer') return <NeutralNotice signedIn={actor !== null} token={token} />;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Outcome outcome={outcome} token={token} />
      <CheckInListLink sessionId={outcome.sessionId} />
    </div>
  );
}
