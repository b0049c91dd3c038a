import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PersonalFeed } from '@/app/_components/calendar/personal-feed';
import { MyRegistrationList } from '@/app/_components/registration/my-registration-list';
import { getDb } from '@/db';
import { getCurrentUser } from '@/lib/auth/current-user';
import { listMyRegistrations } from '@/lib/registrations/manage-view';

export const metadata: Metadata = { title: 'My training' };

export default async function MyTrainingPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent('/me')}`);
  const { upcoming, past } = await listMyRegistrations(await getDb(), user.email);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">My training</h1>
        <p className="text-slate-700">
          Every session booked with <span className="font-semibold break-all">{user.email}</span>, whether or not you were signed in when you
          registered.
        </p>
      </div>
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
        {past.length > 0 ? <MyRegistrationList items={past} /> : <p>No past sessions yet.</p>}
      </section>
      <PersonalFeed email={user.email} />
    </div>
  );
}
