import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { agencyKindLabels } from '@/lib/agencies/schemas';
import { AgencyForm } from '../_components/agency-form';
import { createAgencyAction } from '../actions';

export const metadata: Metadata = { title: 'Add a partner agency' };

export default async function NewAgencyPage() {
  await requireRole('trainer', '/trainer/agencies/new');
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p>
        <Link href="/trainer/agencies">Partner agencies</Link>
      </p>
      <div>
        <h1 className="text-3xl font-bold">Add a partner agency</h1>
        <p className="text-slate-700">Contacts and partnership (MOU) records can be added once the agency is saved.</p>
      </div>
      <div className="card">
        <AgencyForm action={createAgencyAction} kinds={Object.entries(agencyKindLabels)} submitLabel="Add agency" pendingText="Adding agency…" />
      </div>
    </div>
  );
}
