import { placeText } from '@/app/_components/catalogue/session-line';
import type { TMyRegistrationDto } from '@/lib/registrations/manage-view';
import { formatSessionRange } from '@/lib/time/zoned';
import { statusBadgeClass, statusText } from './status-text';

/** A person's own registrations, each with its status and the way to its manage page. */
export function MyRegistrationList({ items }: { items: TMyRegistrationDto[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id} className="session-line">
          <div className="min-w-0">
            <p className="font-semibold">{item.workshopTitle}</p>
            <p>{formatSessionRange(new Date(item.startsAt), new Date(item.endsAt), item.timeZone)}</p>
            <p className="meta">{placeText(item)}</p>
            {item.sessionStatus === 'cancelled' && <p className="meta font-semibold text-red-800">The session was cancelled.</p>}
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <span className={statusBadgeClass(item.status)}>{statusText(item.status, item.waitlistPosition)}</span>
            {/* A plain link: no prefetching of pages whose address holds a secret. */}
            {item.manageToken && (
              <a href={`/registrations/manage?token=${encodeURIComponent(item.manageToken)}`}>
                Manage<span className="sr-only">: {item.workshopTitle}</span>
              </a>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
