import type { TWorkshopStatus } from '@/db/schema';

const LOOK: Record<TWorkshopStatus, { label: string; className: string }> = {
  draft: { label: 'Draft', className: 'border-slate-400 bg-slate-100 text-slate-900' },
  published: { label: 'Published', className: 'border-green-700 bg-green-50 text-green-900' },
  archived: { label: 'Archived', className: 'border-amber-700 bg-amber-50 text-amber-950' },
};

/** A workshop's status in words (never by colour alone). */
export function WorkshopStatusBadge({ status }: { status: TWorkshopStatus }) {
  const look = LOOK[status];
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${look.className}`}>{look.label}</span>;
}
