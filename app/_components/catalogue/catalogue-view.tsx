import Link from 'next/link';
import type { TCataloguePage } from '@/lib/catalogue/catalogue';
import type { TCatalogueFilters } from '@/lib/catalogue/filters';
import { CatalogueFilters } from './catalogue-filters';
import { SessionLine } from './session-line';

function pageHref(filters: TCatalogueFilters, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === true) params.set(key, '1');
    else if (typeof value === 'string' && value) params.set(key, value);
  }
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

export function CatalogueView({ data, filters, topics }: { data: TCataloguePage; filters: TCatalogueFilters; topics: string[] }) {
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== false);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold sm:text-4xl">Upcoming workshops</h1>
        <p className="max-w-2xl text-slate-700">
          Trauma-informed training for police officers and partner agencies. Register in under a minute, no password
          needed; the invite lands in your calendar.
        </p>
      </div>
      <CatalogueFilters filters={filters} topics={topics} />
      <h2 className="sr-only">Results</h2>
      <p role="status" className="text-slate-700">
        {data.workshopCount === 0
          ? filtered
            ? 'No sessions match these filters.'
            : 'No sessions are scheduled yet.'
          : `${data.workshopCount} ${data.workshopCount === 1 ? 'workshop' : 'workshops'} with upcoming sessions${filtered ? ' match' : ''}.`}
      </p>
      <ul className="space-y-6">
        {data.groups.map(({ workshop, sessions, moreSessions }) => (
          <li key={workshop.id} className="card">
            <article aria-labelledby={`workshop-${workshop.id}`}>
              <h3 id={`workshop-${workshop.id}`} className="text-xl font-semibold">
                <a href={`/workshops/${workshop.slug}`}>{workshop.title}</a>
              </h3>
              {workshop.summary && <p className="mt-1 text-slate-700">{workshop.summary}</p>}
              <p className="mt-2 flex flex-wrap gap-2 text-sm">
                {workshop.creditHours > 0 && (
                  <span className="badge bg-brand-50 text-brand-800">
                    {workshop.creditHours} credit hours{workshop.creditCategory ? ` · ${workshop.creditCategory}` : ''}
                  </span>
                )}
                {workshop.topics.map((topic) => (
                  <span key={topic} className="badge bg-slate-100 text-slate-800">
                    {topic}
                  </span>
                ))}
              </p>
              <ul className="mt-3" aria-label={`Sessions of ${workshop.title}`}>
                {sessions.map((session) => (
                  <SessionLine key={session.id} session={session} />
                ))}
              </ul>
              {moreSessions > 0 && (
                <p className="mt-2 text-sm">
                  <a href={`/workshops/${workshop.slug}`}>
                    {moreSessions} more {moreSessions === 1 ? 'date' : 'dates'} for {workshop.title}
                  </a>
                </p>
              )}
            </article>
          </li>
        ))}
      </ul>
      {data.pageCount > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-between gap-4">
          {data.page > 1 ? (
            <Link href={pageHref(filters, data.page - 1)} className="btn-secondary" rel="prev">
              Previous page
            </Link>
          ) : (
            <span />
          )}
          <p>
            Page {data.page} of {data.pageCount}
          </p>
          {data.page < data.pageCount ? (
            <Link href={pageHref(filters, data.page + 1)} className="btn-secondary" rel="next">
              Next page
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
