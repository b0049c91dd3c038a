import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSessionStaff } from '@/app/_auth/require-session-staff';
import { placeText } from '@/app/_components/catalogue/session-line';
import { orNotFound } from '@/app/trainer/_components/or-not-found';
import { getDb, type Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { recordStaffRead } from '@/lib/audit/staff-reads';
import { listAgencySuggestions } from '@/lib/agencies/agencies';
import { listSessionCertificates } from '@/lib/certificates/session-certificates';
import { listRegistrationsForTrainer } from '@/lib/registrations/queries';
import { getRosterPages, rosterNames } from '@/lib/registrations/roster-pages';
import { pageParamsOf } from '@/lib/lists/page-of';
import { fillText } from '@/lib/roster/roster';
import { allotmentLines, releaseLine } from '@/lib/sessions/allotment-text';
import { getSessionForTrainer } from '@/lib/sessions/sessions';
import { getSessionForStaff } from '@/lib/sessions/session-staff';
import { formatInstant, formatSessionRange, hasStarted } from '@/lib/time/zoned';
import { ApprovalDecision } from '@/app/_components/registration/approval-decision';
import { readRosterNotice, type TRosterNoticeParams } from './_lib/notice';
import { AddPersonForm } from './_components/add-person-form';
import { AnnounceForm } from './_components/announce-form';
import { attendanceText } from './_components/attendance-text';
import { CertificatesSection } from './_components/certificates-section';
import { CancelSessionForm } from './_components/cancel-session-form';
import { PromoteForm } from './_components/promote-form';
import { RemoveForm } from './_components/remove-form';
import { RosterPerson } from './_components/roster-person';
import { SectionPager } from '@/app/_components/section-pager';
import { StaffRoster } from './_components/staff-roster';
import {
  decideRequestAction,
  addPersonAction,
  announceAction,
  cancelSessionAction,
  promoteAction,
  reissueCertificateAction,
  removeAction,
  revokeCertificateAction,
} from './actions';

export const metadata: Metadata = { title: 'Session roster' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function statusText(session: { status: string; startsAt: string; endsAt: string }): string {
  if (session.status === 'cancelled') return 'Cancelled';
  if (hasStarted(session.endsAt)) return 'Finished';
  if (hasStarted(session.startsAt)) return 'In progress';
  return 'Scheduled';
}

/** What the last action did, in words, with people named from the roster (the URL holds only ids). */
function noticeText(notice: TRosterNoticeParams, names: Map<string, string>): string {
  const nameOf = (id: string | null) => (id ? names.get(id) : undefined);
  const who = nameOf(notice.who);
  if (notice.notice === 'session-cancelled') return 'The session is cancelled. Everyone registered has been emailed.';
  if (notice.notice === 'promoted') return `${who ?? 'They'} ${who ? 'is' : 'are'} confirmed and ${who ? 'has' : 'have'} been sent the calendar invite.`;
  const movedUp = notice.movedUp.map(nameOf).filter((name): name is string => !!name);
  const removed = `${who ? `${who}’s` : 'The'} place is cancelled, and they have been emailed.`;
  return movedUp.length > 0 ? `${removed} ${movedUp.join(', ')} moved up from the waitlist and ${movedUp.length === 1 ? 'has' : 'have'} been sent the invite.` : removed;
}

const certificateNotices = {
  revoked: 'The certificate is revoked: it now verifies as revoked, with your reason.',
  reissued: 'The corrected certificate is issued and on its way to the holder. The old code now verifies as revoked.',
};

function certificateNotice(query: Record<string, string | string[] | undefined>): string | null {
  const value = query.certificate;
  return value === 'revoked' || value === 'reissued' ? certificateNotices[value] : null;
}

function Section({ id, title, count, empty, children }: { id: string; title: string; count: number; empty: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id} className="text-xl font-semibold">
        {title} <span className="font-normal text-slate-700">({count})</span>
      </h2>
      {count === 0 ? <p className="mt-2 text-slate-700">{empty}</p> : children}
    </section>
  );
}

async function CoFacilitatorRoster({ db, actor, sessionId }: { db: Db; actor: NonNullable<TActor>; sessionId: string }) {
  const [session, entries] = await Promise.all([orNotFound(getSessionForStaff(db, actor, sessionId)), listRegistrationsForTrainer(db, actor, sessionId)]);
  await recordStaffRead(db, actor, { action: 'roster.viewed', sessionId, via: 'page', people: entries.length });
  return <StaffRoster session={session} entries={entries} />;
}

export default async function SessionRosterPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const { actor, role } = await requireSessionStaff(id, `/trainer/sessions/${encodeURIComponent(id)}`);
  const db = await getDb();
  if (role === 'co_facilitator') return <CoFacilitatorRoster db={db} actor={actor} sessionId={id} />;
  const session = await orNotFound(getSessionForTrainer(db, actor, id));
  const query = await searchParams;
  const notice = readRosterNotice(query);
  const [pages, agencies, names] = await Promise.all([
    getRosterPages(db, actor, session.id, query),
    listAgencySuggestions(db, actor, session.id),
    notice ? rosterNames(db, session.id, [notice.who ?? '', ...notice.movedUp]) : new Map<string, string>(),
  ]);
  const certified = await listSessionCertificates(db, actor, session.id, pages.confirmed.items.map((person) => person.id));
  const shown = Object.values(pages).reduce((sum, page) => sum + page.items.length, 0);
  await recordStaffRead(db, actor, { action: 'roster.viewed', sessionId: session.id, via: 'page', people: shown });
  // Each section's page survives moving through another's.
  const pageParams = pageParamsOf(pages);
  const certificateMessage = certificateNotice(query);
  const attendanceOf = (registrationId: string) => {
    const recorded = certified.attendance[registrationId];
    return recorded && hasStarted(session.startsAt) ? attendanceText(recorded) : undefined;
  };
  const when = formatSessionRange(new Date(session.startsAt), new Date(session.endsAt), session.timeZone);
  const open = session.status === 'scheduled';
  const place = `${placeText(session)}${session.venue && session.online ? ' and online' : ''}`;
  // Bound once for the page: one action reference in the payload, not one per person.
  const remove = removeAction.bind(null, session.id);
  const promote = promoteAction.bind(null, session.id);

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <p>
          <Link href={`/trainer/workshops/${session.workshop.id}`}>{session.workshop.title}: all sessions</Link>
        </p>
        <h1 className="text-3xl font-bold break-words">{session.workshop.title}</h1>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">When</dt>
          <dd>{when}</dd>
          <dt className="font-semibold">Where</dt>
          <dd className="break-words">
            {place}
            {session.onlineUrl && (
              <>
                {' · '}
                <a href={session.onlineUrl} className="break-all">
                  meeting link
                </a>
              </>
            )}
          </dd>
          <dt className="font-semibold">Status</dt>
          <dd>{statusText(session)}</dd>
          <dt className="font-semibold">Fill</dt>
          <dd>{fillText(session)}</dd>
          {session.allotments.length > 0 && (
            <>
              <dt className="font-semibold">Reserved seats</dt>
              <dd>
                <ul>
                  {allotmentLines(session).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <p className="text-sm text-slate-700">{releaseLine(session)}</p>
              </dd>
            </>
          )}
          <dt className="font-semibold">Registering</dt>
          <dd>
            {session.requireEmailConfirmation ? 'Places are held until confirmed by email' : 'Places are booked at once'};{' '}
            {session.maxRegistrationsPerAddress === null
              ? 'no limit per network'
              : `at most ${session.maxRegistrationsPerAddress} per network`}
          </dd>
        </dl>
        <nav aria-label="Session" className="flex flex-wrap gap-3">
          <Link href={`/trainer/sessions/${session.id}/edit`} className="btn-secondary">
            Edit session
          </Link>
          <Link href={`/sessions/${session.id}`} className="btn-secondary">
            Public page
          </Link>
          {open && (
            <Link href={`/trainer/sessions/${session.id}/check-in`} className="btn-secondary">
              Check-in
            </Link>
          )}
        </nav>
      </div>

      {notice && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {noticeText(notice, names)}
        </p>
      )}
      {certificateMessage && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {certificateMessage}
        </p>
      )}
      {!open && (
        <p className="rounded-md border border-red-300 bg-red-50 p-3 font-semibold text-red-900">
          This session is cancelled: nobody can be added, promoted or messaged.
        </p>
      )}

      <Section id="confirmed" title="Confirmed" count={pages.confirmed.total} empty="Nobody is confirmed yet.">
        <ul className="divide-y divide-slate-200">
          {pages.confirmed.items.map((person) => (
            <li key={person.id}>
              <RosterPerson
                person={person}
                timeZone={session.timeZone}
                attendance={attendanceOf(person.id)}
                actions={open && <RemoveForm action={remove} registrationId={person.id} name={person.name} confirmed />}
              />
            </li>
          ))}
        </ul>
        <SectionPager label="Confirmed" section="confirmed" page={pages.confirmed} pageParams={pageParams} />
      </Section>

      <CertificatesSection
        session={session}
        overview={certified}
        revokeAction={revokeCertificateAction.bind(null, session.id)}
        reissueAction={reissueCertificateAction.bind(null, session.id)}
      />

      {pages.pending.total > 0 && (
        <Section id="pending" title="Awaiting approval" count={pages.pending.total} empty="">
          <ul className="divide-y divide-slate-200">
            {pages.pending.items.map((person) => (
              <li key={person.id}>
                <RosterPerson
                  person={person}
                  timeZone={session.timeZone}
                  actions={
                    open && (
                      <>
                        {person.approvalExpiresAt && (
                          <p className="text-sm text-slate-700">Held until {formatInstant(person.approvalExpiresAt, session.timeZone)} unless decided.</p>
                        )}
                        <ApprovalDecision action={decideRequestAction.bind(null, session.id, person.id)} name={person.name} />
                      </>
                    )
                  }
                />
              </li>
            ))}
          </ul>
          <SectionPager label="Awaiting approval" section="pending" page={pages.pending} pageParams={pageParams} />
        </Section>
      )}

      <Section id="waitlist" title="Waitlist" count={pages.waitlist.total} empty="Nobody is waiting.">
        <p className="mt-1 text-slate-700">In line order: when a seat frees, the first person gets it by themselves.</p>
        <ol className="divide-y divide-slate-200" start={pages.waitlist.first || 1}>
          {pages.waitlist.items.map((person) => (
            <li key={person.id}>
              <RosterPerson
                person={person}
                timeZone={session.timeZone}
                actions={
                  open && (
                    <>
                      <PromoteForm action={promote} registrationId={person.id} name={person.name} />
                      <RemoveForm action={remove} registrationId={person.id} name={person.name} confirmed={false} />
                    </>
                  )
                }
              />
            </li>
          ))}
        </ol>
        <SectionPager label="Waitlist" section="waitlist" page={pages.waitlist} pageParams={pageParams} />
      </Section>

      <Section id="cancelled" title="Cancelled" count={pages.cancelled.total} empty="Nobody has cancelled.">
        <ul className="divide-y divide-slate-200">
          {pages.cancelled.items.map((person) => (
            <li key={person.id}>
              <RosterPerson person={person} timeZone={session.timeZone} />
            </li>
          ))}
        </ul>
        <SectionPager label="Cancelled" section="cancelled" page={pages.cancelled} pageParams={pageParams} />
      </Section>

      {open && (
        <>
          <section aria-labelledby="add-person" className="card space-y-3">
            <h2 id="add-person" className="text-xl font-semibold">
              Add a person
            </h2>
            <p className="text-slate-700">
              For walk-ins and late additions: you can add people outside the registration window. They get the same emails as anyone who registers.
            </p>
            <AddPersonForm action={addPersonAction.bind(null, session.id)} agencies={agencies.map((agency) => agency.name)} />
          </section>

          <section aria-labelledby="announce" className="card space-y-3">
            <h2 id="announce" className="text-xl font-semibold">
              Message everyone confirmed
            </h2>
            {pages.confirmed.total === 0 ? (
              <p className="text-slate-700">Nobody is confirmed yet, so there is nobody to message.</p>
            ) : (
              <>
                <p className="text-slate-700">An email to the confirmed people only, not to the waitlist.</p>
                <AnnounceForm action={announceAction.bind(null, session.id)} recipients={pages.confirmed.total} />
              </>
            )}
          </section>
        </>
      )}

      <section aria-labelledby="export" className="card space-y-3">
        <h2 id="export" className="text-xl font-semibold">
          Download the roster
        </h2>
        <p className="text-slate-700">
          A spreadsheet (CSV) of everyone above, access needs included. Keep it safe and delete it when done; each download is recorded.
        </p>
        <a href={`/trainer/sessions/${session.id}/roster.csv`} className="btn-secondary" download>
          Download CSV<span className="sr-only"> of the roster</span>
        </a>
      </section>

      {open && (
        <section aria-labelledby="cancel-session" className="card space-y-3 border-red-200">
          <h2 id="cancel-session" className="text-xl font-semibold">
            Cancel the session
          </h2>
          <CancelSessionForm action={cancelSessionAction.bind(null, session.id)} confirmed={session.confirmedCount} waiting={session.waitlistCount} />
        </section>
      )}
    </div>
  );
}
