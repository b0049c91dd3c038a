import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContentNotice } from '@/app/_components/catalogue/content-notice';
import { placeText, seatsText } from '@/app/_components/catalogue/session-line';
import { registrationAvailability } from '@/app/_components/registration/availability';
import { RegistrationForm } from '@/app/_components/registration/registration-form';
import { getDb } from '@/db';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getPublicSession } from '@/lib/catalogue/catalogue';
import { listAgencyNamesForRegistration } from '@/lib/registrations/manage-view';
import { audienceLine } from '@/lib/text/names-in-prose';
import { formatLongDate, formatSessionRange, hasStarted } from '@/lib/time/zoned';
import { getPublishedWorkshopBySlug } from '@/lib/workshops/workshops';
import { registerAction } from './actions';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const session = await getPublicSession(await getDb(), (await params).id);
  if (!session) return { title: 'Session not found' };
  return { title: `${session.workshop.title}, ${formatLongDate(new Date(session.startsAt), session.timeZone)}` };
}

export default async function SessionPage({ params }: Props) {
  const db = await getDb();
  const session = await getPublicSession(db, (await params).id);
  if (!session) notFound();
  const [workshop, user] = await Promise.all([getPublishedWorkshopBySlug(db, session.workshop.slug), getCurrentUser()]);
  if (!workshop) notFound();
  const startsAt = new Date(session.startsAt);
  const past = hasStarted(startsAt);
  const availability = registrationAvailability(session);
  const agencyNames = availability.open ? await listAgencyNamesForRegistration(db) : [];
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href={`/workshops/${workshop.slug}`}>{workshop.title}</Link>
        </p>
        <h1 className="text-3xl font-bold">
          {workshop.title}: {formatLongDate(startsAt, session.timeZone)}
        </h1>
        {session.status === 'cancelled' && (
          <p role="status" className="rounded-md border border-red-300 bg-red-50 p-3 font-semibold text-red-900">
            This session has been cancelled.
          </p>
        )}
        {session.status === 'scheduled' && past && (
          <p role="status" className="rounded-md border border-slate-300 bg-slate-100 p-3">
            This session has already taken place.
          </p>
        )}
      </header>
      <dl className="card grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">When</dt>
        <dd>
          {formatSessionRange(startsAt, new Date(session.endsAt), session.timeZone)}
          {session.status === 'scheduled' && (
            <a href={`/api/v1/sessions/${session.id}/calendar.ics`} className="block text-sm" download>
              Download .ics<span className="sr-only"> calendar file for this session</span>
            </a>
          )}
        </dd>
        <dt className="font-semibold">Where</dt>
        <dd>
          {placeText(session)}
          {session.online && <span className="block text-sm text-slate-700">The meeting link is sent to confirmed attendees.</span>}
          {session.venue?.directions && <span className="block text-sm text-slate-700">Directions and parking: {session.venue.directions}</span>}
          {session.venue?.accessibility && <span className="block text-sm text-slate-700">Accessibility: {session.venue.accessibility}</span>}
        </dd>
        {session.forAgencies.length > 0 && (
          <>
            <dt className="font-semibold">Who may register</dt>
            <dd>
              {audienceLine(session.forAgencies)}.
              <span className="block text-sm text-slate-700">
                Register with your work email address at one of these agencies. Anyone else is not given a place; ask your
                training coordinator if your address is not recognised.
              </span>
            </dd>
          </>
        )}
        {session.partnerAgency && (
          <>
            <dt className="font-semibold">Joint session</dt>
            <dd>Run together with {session.partnerAgency.name}</dd>
          </>
        )}
        <dt className="font-semibold">Places</dt>
        <dd>
          {seatsText(session)} ({session.capacity} in all)
          {session.waitlistCount > 0 && (
            <span className="block text-sm text-slate-700">
              {session.waitlistCount === 1 ? '1 person' : `${session.waitlistCount} people`} on the waitlist
            </span>
          )}
        </dd>
        {workshop.creditHours > 0 && (
          <>
            <dt className="font-semibold">Credit</dt>
            <dd>
              {workshop.creditHours} hours{workshop.creditCategory ? `, ${workshop.creditCategory}` : ''}
            </dd>
          </>
        )}
      </dl>
      {/* Before the form: the material can be hard, and people decide with this in mind. */}
      <ContentNotice text={workshop.contentNotice} />
      {workshop.summary && <p className="text-lg text-slate-700">{workshop.summary}</p>}
      <section aria-labelledby="register" className="card space-y-4">
        <h2 id="register" className="text-xl font-semibold">
          Register
        </h2>
        {availability.open ? (
          <RegistrationForm
            action={registerAction.bind(null, session.id)}
            defaults={{ name: user?.name ?? '', email: user?.email ?? '' }}
            agencyNames={agencyNames}
            partnerAgencyName={session.partnerAgency?.name ?? null}
            confirmByEmail={session.requireEmailConfirmation}
          />
        ) : (
          <p>{availability.reason}</p>
        )}
      </section>
    </article>
  );
}
