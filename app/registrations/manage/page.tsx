import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PersonalFeed } from '@/app/_components/calendar/personal-feed';
import { placeText } from '@/app/_components/catalogue/session-line';
import { CancelPlaceForm } from '@/app/_components/registration/cancel-place-form';
import { MovePlaceForm, type TMoveChoice } from '@/app/_components/registration/move-place-form';
import { PrivateDetailsForm } from '@/app/_components/registration/private-details-form';
import { statusBadgeClass, statusText } from '@/app/_components/registration/status-text';
import { getDb } from '@/db';
import { getManageViewOf, type TManageViewDto, type TMoveTargetDto } from '@/lib/registrations/manage-view';
import { openManageLink } from '@/lib/registrations/tokens';
import { formatSessionRange, hasStarted } from '@/lib/time/zoned';
import { cancelPlaceAction, movePlaceAction, replaceDetailsAction } from './actions';

type Props = { searchParams: Promise<{ token?: string | string[]; done?: string | string[] }> };

function moveChoice(target: TMoveTargetDto): TMoveChoice {
  const places = target.waitlistOnly
    ? `Full: you would be number ${target.waitlistCount + 1} on the waitlist`
    : target.seatsLeft === 1
      ? '1 seat left'
      : `${target.seatsLeft} seats left`;
  return {
    id: target.id,
    when: formatSessionRange(new Date(target.startsAt), new Date(target.endsAt), target.timeZone),
    where: placeText(target),
    places,
    waitlistOnly: target.waitlistOnly,
  };
}

function DoneNotice({ done, view }: { done: string | undefined; view: TManageViewDto }) {
  const { status } = view.registration;
  if (done === 'cancelled' && status === 'cancelled') {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
        Your place is cancelled. We&apos;ve emailed you to confirm.
      </p>
    );
  }
  if (done === 'confirmed' && status !== 'cancelled') {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
        {status === 'confirmed'
          ? 'Your place is confirmed. We’ve emailed you the calendar invite and this page’s link.'
          : 'Your place on the waitlist is confirmed. We’ve emailed you its number and this page’s link.'}
      </p>
    );
  }
  if (done === 'moved' && status !== 'cancelled') {
    return (
      <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
        Your place has moved to this session, and your place in the other one is cancelled. We&apos;ve emailed you the details
        {status === 'confirmed' ? ' with a new calendar invite' : ''}.
      </p>
    );
  }
  return null;
}

function SessionNotice({ view }: { view: TManageViewDto }) {
  if (view.session.status === 'cancelled') {
    return (
      <p role="status" className="rounded-md border border-red-300 bg-red-50 p-3 font-semibold text-red-900">
        This session has been cancelled.
      </p>
    );
  }
  if (hasStarted(view.session.startsAt)) {
    return <p className="rounded-md border border-slate-300 bg-slate-100 p-3">This session has started or taken place.</p>;
  }
  return null;
}

const orNone = (text: string) => text || 'None given';
const given = (isGiven: boolean) => (isGiven ? 'Given (not shown here, to keep it private)' : 'None given');

/** An old link: it says what happened and where records are, and nothing about the person. */
function ExpiredLink() {
  return (
    <article className="space-y-4">
      <h1 className="text-3xl font-bold">This link has expired</h1>
      <p>Links to manage a place stop working 30 days after the session ends, so an old email cannot be used to see anyone&apos;s details.</p>
      <p>
        Your attendance and certificates stay in your records: <Link href="/signin?callbackUrl=/me">sign in with your email address</Link> to see them.
      </p>
    </article>
  );
}

export default async function ManageRegistrationPage({ searchParams }: Props) {
  const { token, done } = await searchParams;
  if (typeof token !== 'string') notFound();
  const db = await getDb();
  const link = await openManageLink(db, token);
  if (link.kind === 'expired') return <ExpiredLink />;
  const view = link.kind === 'valid' ? await getManageViewOf(db, link.registrationId) : null;
  if (!view) notFound();
  const { registration: r, session } = view;
  const when = formatSessionRange(new Date(session.startsAt), new Date(session.endsAt), session.timeZone);
  return (
    <article className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">Your place: {session.workshop.title}</h1>
        <DoneNotice done={typeof done === 'string' ? done : undefined} view={view} />
        <SessionNotice view={view} />
      </header>

      <section aria-labelledby="session-heading" className="card space-y-3">
        <h2 id="session-heading" className="text-xl font-semibold">
          Session
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Workshop</dt>
          <dd>
            <Link href={`/sessions/${session.id}`}>{session.workshop.title}</Link>
          </dd>
          <dt className="font-semibold">When</dt>
          <dd>
{when}</dd>
          <dt className="font-semibold">Where</dt>
          <dd>
            {placeText(session)}
            {session.onlineUrl && (
              <span className="block text-sm">
                Joining link: <a href={session.onlineUrl} rel="noreferrer" className="break-all">{session.onlineUrl}</a>
              </span>
            )}
            {session.online && !session.onlineUrl && (
              <span className="block text-sm text-slate-700">The joining link is shown here once your place is confirmed.</span>
            )}
            {session.venue?.directions && <span className="block text-sm text-slate-700">Directions and parking: {session.venue.directions}</span>}
            {session.venue?.accessibility && <span className="block text-sm text-slate-700">Accessibility: {session.venue.accessibility}</span>}
          </dd>
          {session.partnerAgencyName && (
            <>
              <dt className="font-semibold">Joint session</dt>
              <dd>Run together with {session.partnerAgencyName}</dd>
            </>
          )}
          <dt className="font-semibold">Your status</dt>
          <dd>
            <span className={statusBadgeClass(r.status)}>{statusText(r.status, r.waitlistPosition)}</span>
            {r.status === 'waitlisted' && (
              <span className="mt-1 block text-sm text-slate-700">We&apos;ll email you if a place frees: it is yours straight away, with a calendar invite.</span>
            )}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="details-heading" className="card space-y-3">
        <h2 id="details-heading" className="text-xl font-semibold">
          Your details
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Name</dt>
          <dd>{r.name}</dd>
          <dt className="font-semibold">Email</dt>
          <dd className="break-all">{r.email}</dd>
          <dt className="font-semibold">Agency</dt>
          <dd>{orNone(r.agency)}</dd>
          <dt className="font-semibold">Badge or staff number</dt>
          <dd>{given(r.hasBadgeNumber)}</dd>
          <dt className="font-semibold">Role or rank</dt>
          <dd>{orNone(r.role)}</dd>
          <dt className="font-semibold">Access needs</dt>
          <dd>
            {given(r.hasAccessNeeds)}
            <span className="block text-sm text-slate-700">Visible only to the trainers.</span>
          </dd>
        </dl>
      </section>

      {view.changeable && (
        <>
          <section aria-labelledby="private-details-heading" className="card space-y-3">
            <h2 id="private-details-heading" className="text-xl font-semibold">
              Change your badge number or access needs
            </h2>
            <PrivateDetailsForm action={replaceDetailsAction.bind(null, token)} />
          </section>
          <section aria-labelledby="move-heading" className="card space-y-3">
            <h2 id="move-heading" className="text-xl font-semibold">
              Move to another session of this workshop
            </h2>
            {view.moveTargets.length > 0 ? (
              <MovePlaceForm action={movePlaceAction.bind(null, token)} choices={view.moveTargets.map(moveChoice)} />
            ) : (
              <p>No other session of this workshop is open for registration now.</p>
            )}
          </section>
          <section aria-labelledby="cancel-heading" className="card space-y-3">
            <h2 id="cancel-heading" className="text-xl font-semibold">
              Cancel my place
            </h2>
            <p>Can&apos;t come? Cancel, so the place can go to someone on the waitlist.</p>
            <CancelPlaceForm action={cancelPlaceAction.bind(null, token)} confirmed={r.status === 'confirmed'} />
          </section>
        </>
      )}

      <PersonalFeed email={r.email} manageToken={token} />

      <p className="text-sm text-slate-700">
        Signed in with this email address? <Link href="/me">My training</Link> lists all your registrations.
      </p>
    </article>
  );
}
