import type { TAttendanceCounts } from '@/lib/attendance/check-in-sheet';

/** The numbers the trainer glances at by the door: attended of confirmed first, the rest beside. */
export function AttendanceCounts({ counts }: { counts: TAttendanceCounts }) {
  const others = [
    `${counts.absent} absent`,
    `${counts.partial} partial`,
    `${counts.unmarked} not marked yet`,
  ];
  return (
    <div className="rounded-lg border border-brand-100 bg-brand-50 p-4">
      <p className="text-2xl font-bold text-brand-900">
        {counts.attended} attended of {counts.confirmed} confirmed
      </p>
      <p className="mt-1 text-slate-800">{others.join(' · ')}</p>
    </div>
  );
}
