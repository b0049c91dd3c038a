import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { recordStaffRead } from '@/lib/audit/staff-reads';
import { getCurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors/app-error';
import { getAgencyRecords, type TAgencyRecords, type TAgencyRecordsPages } from '@/lib/records/agency-records';
import { ClaimList } from '@/app/_components/agency/claim-list';
import { claimDecided } from '@/app/_lib/decide-claim';
import { listAgencyClaims, type TAgencyClaimDto } from '@/lib/agencies/membership';
import { decideClaimAction } from './actions';
import { OfficerTable } from './_components/officer-table';
import { SessionTable } from './_components/session-table';
import { UpcomingSessions } from './_components/upcoming-sessions';
import { AGENCY_UPCOMING_LIMIT, listAgencyUpcomingSessions, type TAgencyUpcomingSession } from '@/lib/agencies/agency-sessions';
import { SectionPager } from '@/app/_components/section-pager';
import { pageParamsOf, type TListPage } from '@/lib/lists/page-of';

// Each upcoming session is a card with its places and actions: the next few weeks fit on one page.
const UPCOMING_PAGE_SIZE = 25;

/** The records, or the reason a coordinator cannot see them; anyone else gets the 403 page. */
async function loadRecords(
  actor: { id: string; role: 'trainer' | 'coordinator' | 'officer' },
  requested: TAgencyRecordsPages & { upcoming?: unknown },
): Promise<(TAgencyRecords & { claims: TAgencyClaimDto[]; upcoming: TListPage<TAgencyUpcomingSession>; moreUpcoming: boolean }) | { refused: string }> {
  try {
    const db = await getDb();
    const records = await getAgencyRecords(db, actor, requested);
    const claims = await listAgencyClaims(db, actor, records.agency.id);
    const { sessions: upcoming, more: moreUpcoming } = await listAgencyUpcomingSessions(db, actor, { page: requested.upcoming, size: UPCOMING_PAGE_SIZE });
    await recordStaffRead(db, actor, { action: 'agency_records.viewed', agencyId: records.agency.id, people: records.officers.items.length + claims.length });
    return { ...records, claims, upcoming, moreUpcoming };
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 403) throw error;
    if (actor.role === 'coordinator') return { refused: error.message };
    forbidden();
  }
}

export default async function AgencyRecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const { decided } = query;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent('/agency')}`);
  const records = await loadRecords({ id: user.id, role: user.role }, { sessions: query.sessions, officers: query.officers, upcoming: query.upcoming });

  if ('refused' in records) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-3xl font-bold">Agency training records</h1>
        <p role="alert">{records.refused}</p>
      </div>
    );
  }

  const { agency, claims, upcoming, moreUpcoming } = records;
  const pages = { upcoming, sessions: records.sessions, officers: records.officers };
  const pageParams = pageParamsOf(pages);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Agency training records</h1>
        <p className="text-lg break-words">{agency.name}</p>
        <p className="text-slate-700">
          Registrations, attendance and hours of {agency.name}’s officers in the sessions run jointly with {agency.name}. An officer is
          someone with an address at the agency’s email domains, or whom you confirmed below. Hours count valid certificates only.
        </p>
      </div>
      <section aria-labelledby="claims" className="card space-y-4">
        <h2 id="claims" className="text-xl font-semibold">
          Claims to be from {agency.name}
        </h2>
        <p className="text-slate-700">
          These people typed your agency’s name when registering, from an address that is not at its domains. Nothing of theirs is in
          your records until you confirm them; reject anyone who is not one of your officers.
        </p>
        <ClaimList claims={claims} agencyName={agency.name} decide={decideClaimAction} decided={claimDecided(decided)} />
      </section>
      <section aria-labelledby="upcoming" className="card space-y-4">
        <h2 id="upcoming" className="text-xl font-semibold">
          Upcoming sessions open to {agency.name}
        </h2>
        {upcoming.total > 0 ? (
          <>
            <UpcomingSessions sessions={pages.upcoming.items} agencyName={agency.name} />
            <SectionPager label="Upcoming sessions" section="upcoming" page={pages.upcoming} pageParams={pageParams} />
            {moreUpcoming && (
              <p className="text-sm text-slate-700">These are the next {AGENCY_UPCOMING_LIMIT} sessions; later ones appear here as these pass.</p>
            )}
          </>
        ) : (
          <p>No upcoming sessions are open to your officers.</p>
        )}
      </section>
      <section aria-labelledby="by-session" className="card space-y-4">
        <h2 id="by-session" className="text-xl font-semibold">
          By session
        </h2>
        {pages.sessions.total > 0 ? (
          <>
            <SessionTable sessions={pages.sessions.items} agencyName={agency.name} />
            <SectionPager label="Sessions" section="sessions" anchor="by-session" page={pages.sessions} pageParams={pageParams} />
          </>
        ) : (
          <p>None of your officers has a place in a joint session yet.</p>
        )}
      </section>
      <section aria-labelledby="by-officer" className="card space-y-4">
        <h2 id="by-officer" className="text-xl font-semibold">
          By officer
        </h2>
        {pages.officers.total > 0 ? (
          <>
            <OfficerTable officers={pages.officers.items} agencyName={agency.name} />
            <SectionPager label="Officers" section="officers" anchor="by-officer" page={pages.officers} pageParams={pageParams} />
          </>
        ) : (
          <p>No officers yet.</p>
        )}
      </section>
      <section aria-labelledby="export" className="card space-y-3">
        <h2 id="export" className="text-xl font-semibold">
          Export
        </h2>
        <p className="text-slate-700">One row per registration. Each download is recorded in Muster’s audit log.</p>
        <a href="/agency/records.csv" className="btn-secondary" download>
          Download CSV<span className="sr-only"> of your agency’s training records</span>
        </a>
      </section>
      <section aria-labelledby="tokens" className="card space-y-3">
        <h2 id="tokens" className="text-xl font-semibold">
          Your agency’s systems
        </h2>
        <p className="text-slate-700">Register officers from a rostering or records system through Muster’s API, with a token of yours.</p>
        <Link href="/agency/tokens" className="btn-secondary">
          API tokens
        </Link>
      </section>
    </div>
  );
}
