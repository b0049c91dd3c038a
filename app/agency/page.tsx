import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { recordStaffRead } from '@/lib/audit/staff-reads';
import { getCurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors/app-error';
import { getAgencyRecords, type TAgencyRecords } from '@/lib/records/agency-records';
import { OfficerTable } from './_components/officer-table';
import { SessionTable } from './_components/session-table';

/** The records, or the reason a coordinator cannot see them; anyone else gets the 403 page. */
async function loadRecords(actor: { id: string; role: 'trainer' | 'coordinator' | 'officer' }): Promise<TAgencyRecords | { refused: string }> {
  try {
    const db = await getDb();
    const records = await getAgencyRecords(db, actor);
    await recordStaffRead(db, actor, { action: 'agency_records.viewed', agencyId: records.agency.id, people: records.officers.length });
    return records;
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 403) throw error;
    if (actor.role === 'coordinator') return { refused: error.message };
    forbidden();
  }
}

export default async function AgencyRecordsPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent('/agency')}`);
  const records = await loadRecords({ id: user.id, role: user.role });

  if ('refused' in records) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-3xl font-bold">Agency training records</h1>
        <p role="alert">{records.refused}</p>
      </div>
    );
  }

  const { agency, sessions, officers } = records;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">Agency training records</h1>
        <p className="text-lg break-words">{agency.name}</p>
        <p className="text-slate-700">
          Registrations, attendance and hours of the officers who registered with {agency.name}. Hours count valid certificates only.
        </p>
      </div>
      <section aria-labelledby="by-session" className="card space-y-4">
        <h2 id="by-session" className="text-xl font-semibold">
          By session
        </h2>
        {sessions.length > 0 ? <SessionTable sessions={sessions} agencyName={agency.name} /> : <p>No one has registered with your agency yet.</p>}
      </section>
      <section aria-labelledby="by-officer" className="card space-y-4">
        <h2 id="by-officer" className="text-xl font-semibold">
          By officer
        </h2>
        {officers.length > 0 ? <OfficerTable officers={officers} agencyName={agency.name} /> : <p>No officers yet.</p>}
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
    </div>
  );
}
