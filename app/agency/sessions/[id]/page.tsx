import Link from 'next/link';
import { forbidden, notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getAgencySession } from '@/lib/agencies/agency-sessions';
import { recordStaffRead } from '@/lib/audit/staff-reads';
import { getCurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors/app-error';
import { ApprovalDecision } from '@/app/_components/registration/approval-decision';
import { cancelNomineeAction, decideRequestAction, nominateListAction, nominateOneAction, substituteAction } from './actions';
import { NominateListForm } from './_components/nominate-list-form';
import { CancelNomineeForm, OfficerForm } from './_components/nominee-forms';

const STATUS = { confirmed: 'Confirmed', waitlisted: 'Waitlisted', pending_approval: 'Awaiting approval' } as const;

async function load(actor: { id: string; role: 'trainer' | 'coordinator' | 'officer' }, sessionId: string) {
  try {
    const db = await getDb();
    const found = await getAgencySession(db, actor, sessionId);
    await recordStaffRead(db, actor, { action: 'agency_records.viewed', agencyId: found.agency.id, people: found.officers.length });
    return found;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    if (error instanceof AppError && error.status === 403) forbidden();
    throw error;
  }
}

/** A coordinator registers their officers for one session, and cancels or substitutes them. */
export default async function AgencySessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/agency/sessions/${id}`)}`);
  const { agency, session, officers } = await load({ id: user.id, role: user.role }, id);
  const a = session.allotment;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p>
          <Link href="/agency">{agency.name}: training records</Link>
        </p>
        <h1 className="text-3xl font-bold break-words">Register officers: {session.workshopTitle}</h1>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">When</dt>
          <dd>{session.when}</dd>
          <dt className="font-semibold">Where</dt>
          <dd className="break-words">{session.where}</dd>
          <dt className="font-semibold">Seats for {agency.name}</dt>
          <dd>
            {a
              ? `${a.seats} reserved: ${a.taken} taken${a.held ? `, ${a.held} held for email confirmation` : ''}${session.released ? '; unused ones released' : `, ${a.free} free until ${session.releasesAt}`}`
              : 'None reserved; your officers take open seats like everyone else.'}
          </dd>
        </dl>
        <p className="text-slate-700">
          Each officer you register gets the confirmation email with a calendar invite, saying {agency.name} registered them. When the seats are
          taken they join the waitlist in the order listed.
        </p>
      </div>

      <section aria-labelledby="booked" className="card space-y-4">
        <h2 id="booked" className="text-xl font-semibold">
          Your officers in this session
        </h2>
        {officers.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {officers.map((officer) => (
              <li key={officer.registrationId} className="space-y-2 py-3">
                <p>
                  <span className="font-semibold break-words">{officer.name}</span> <span className="break-all text-slate-700">{officer.email}</span>
                  {officer.badgeNumber && <span className="text-slate-700"> · badge {officer.badgeNumber}</span>}
                  {' · '}
                  {STATUS[officer.status]}
                  {officer.waitlistPosition !== null && ` (number ${officer.waitlistPosition})`}
                  {officer.approvalUntil && ` · place held until ${officer.approvalUntil}`}
                </p>
                {officer.coordinatorDecides && (
                  <ApprovalDecision action={decideRequestAction.bind(null, id, officer.registrationId)} name={officer.name} />
                )}
                <CancelNomineeForm action={cancelNomineeAction.bind(null, id, officer.registrationId)} name={officer.name} idSuffix={officer.registrationId} />
                <details>
                  <summary className="cursor-pointer">
                    Send someone else<span className="sr-only"> in {officer.name}’s place</span>
                  </summary>
                  <div className="mt-2">
                    <OfficerForm
                      action={substituteAction.bind(null, id, officer.registrationId)}
                      idPrefix={`sub-${officer.registrationId}`}
                      submit="Give them the place"
                      pending="Handing over the place…"
                    />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="one" className="card space-y-4">
        <h2 id="one" className="text-xl font-semibold">
          Register one officer
        </h2>
        <OfficerForm action={nominateOneAction.bind(null, id)} idPrefix="one" submit="Register" pending="Registering…" />
      </section>

      <section aria-labelledby="list" className="card space-y-4">
        <h2 id="list" className="text-xl font-semibold">
          Register a list
        </h2>
        <NominateListForm action={nominateListAction.bind(null, id)} />
      </section>
    </div>
  );
}
