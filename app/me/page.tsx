import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PersonalFeed } from '@/app/_components/calendar/personal-feed';
import { MyRegistrationList } from '@/app/_components/registration/my-registration-list';
import { SectionPager } from '@/app/_components/section-pager';
import { getDb } from '@/db';
import { pageOf, pageParamsOf } from '@/lib/lists/page-of';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getMyTrainingRecord } from '@/lib/records/my-training';
import { listMyRegistrations } from '@/lib/registrations/manage-view';
import { listCoFacilitatedSessions } from '@/lib/sessions/session-staff';
import { CoFacilitatedSessions } from './_components/co-facilitated-sessions';
import { CertificateList } from './_components/certificate-list';
import { HoursLedger } from './_components/hours-ledger';

export const metadata: Metadata = { title: 'My training' };

// An officer looks for their latest sessions and certificates; years of them stay a page away.
const ME_PAGE_SIZE = 25;

export default async function MyTrainingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent('/me')}`);
  const db = await getDb();
  const [{ upcoming, past }, record, coFacilitated] = await Promise.all([
    listMyRegistrations(db, user.email),
    getMyTrainingRecord(db, user.email),
    listCoFacilitatedSessions(db, { id: user.id, role: user.role }),
  ]);
  const pages = { past: pageOf(past, query.past, ME_PAGE_SIZE), certificates: pageOf(record.certificates, query.certificates, ME_PAGE_SIZE) };
  const pageParams = pageParamsOf(pages);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">My training</h1>
        <p className="text-slate-700">
          Every session booked with <span className="font-semibold break-all">{user.email}</span>, whether or not you were signed in when you
          registered.
        </p>
      </div>
      {coFacilitated.length > 0 && <CoFacilitatedSessions sessions={coFacilitated} />}
      <section aria-labelledby="upcoming" className="card space-y-3">
        <h2 id="upcoming" className="text-xl font-semibold">
          Upcoming
        </h2>
        {upcoming.length > 0 ? (
          <MyRegistrationList items={upcoming} />
        ) : (
          <p>
            Nothing booked yet. <a href="/">Browse workshops</a>
          </p>
        )}
      </section>
      <section aria-labelledby="past" className="card space-y-3">
        <h2 id="past" className="text-xl font-semibold">
          Past
        </h2>
        {past.length > 0 ? (
          <>
            <MyRegistrationList items={pages.past.items} />
            <SectionPager label="Past sessions" section="past" page={pages.past} pageParams={pageParams} />
          </>
        ) : (
          <p>No past sessions yet.</p>
        )}
      </section>
      <section aria-labelledby="certificates" className="card space-y-3">
        <h2 id="certificates" className="text-xl font-semibold">
          Certificates
        </h2>
        {record.certificates.length > 0 ? (
          <>
            <CertificateList items={pages.certificates.items} />
            <SectionPager label="Certificates" section="certificates" page={pages.certificates} pageParams={pageParams} />
          </>
        ) : (
          <p>No certificates yet. You receive one by email after attending a session.</p>
        )}
      </section>
      <section aria-labelledby="hours" className="card space-y-4">
        <h2 id="hours" className="text-xl font-semibold">
          Training hours
        </h2>
        {record.ledger.years.length > 0 ? (
          <HoursLedger ledger={record.ledger} />
        ) : (
          <p>No hours yet: they are counted from your valid certificates.</p>
        )}
        <div className="flex flex-wrap gap-3">
          <a href="/me/training.csv" className="btn-secondary" download>
            Download CSV<span className="sr-only"> of your certificates</span>
          </a>
          <a href="/me/transcript.pdf" className="btn-secondary" download>
            Download transcript (PDF)
          </a>
        </div>
      </section>
      <PersonalFeed email={user.email} />
    </div>
  );
}
