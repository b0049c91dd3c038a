import type { Metadata } from 'next';
import { requireRole } from '@/app/_auth/require-role';

export const metadata: Metadata = { title: 'Trainer dashboard' };

export default async function TrainerDashboardPage() {
  const trainer = await requireRole('trainer', '/trainer');
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Trainer dashboard</h1>
      <p className="text-slate-700">Welcome, {trainer.name ?? trainer.email}.</p>
      <section aria-labelledby="upcoming" className="card">
        <h2 id="upcoming" className="mb-2 text-xl font-semibold">
          Upcoming sessions
        </h2>
        <p>No sessions scheduled yet.</p>
      </section>
    </div>
  );
}
