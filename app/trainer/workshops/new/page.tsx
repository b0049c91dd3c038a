import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/app/_auth/require-role';
import { suggestedTopics } from '@/lib/workshops/schemas';
import { WorkshopForm } from '../_components/workshop-form';
import { EMPTY_WORKSHOP } from '../_lib/workshop-form-values';
import { createWorkshopAction } from '../actions';

export const metadata: Metadata = { title: 'New workshop' };

export default async function NewWorkshopPage() {
  await requireRole('trainer', '/trainer/workshops/new');
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href="/trainer/workshops">Workshops</Link>
      </p>
      <div>
        <h1 className="text-3xl font-bold">New workshop</h1>
        <p className="text-slate-700">Describe the workshop once; schedule its sessions after saving. It stays a draft until you publish it.</p>
      </div>
      <div className="card">
        <WorkshopForm action={createWorkshopAction} workshop={EMPTY_WORKSHOP} mode="create" suggestedTopics={suggestedTopics} />
      </div>
    </div>
  );
}
