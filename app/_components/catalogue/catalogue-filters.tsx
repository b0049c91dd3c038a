import type { TCatalogueFilters } from '@/lib/catalogue/filters';

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export function CatalogueFilters({ filters, topics }: { filters: TCatalogueFilters; topics: string[] }) {
  return (
    <form method="get" action="/" role="search" aria-label="Find sessions" className="card grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <div className="sm:col-span-2 lg:col-span-3">
        <label htmlFor="filter-q" className="field-label">
          Search titles and summaries
        </label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ''} className="field-input" />
      </div>
      <div>
        <label htmlFor="filter-topic" className="field-label">
          Topic
        </label>
        <select id="filter-topic" name="topic" defaultValue={filters.topic ?? ''} className="field-input">
          <option value="">Any topic</option>
          {topics.map((topic) => (
            <option key={topic} value={topic}>
              {topic}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-from" className="field-label">
          From date
        </label>
        <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ''} className="field-input" />
      </div>
      <div>
        <label htmlFor="filter-to" className="field-label">
          To date
        </label>
        <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ''} className="field-input" />
      </div>
      <div>
        <label htmlFor="filter-mode" className="field-label">
          Format
        </label>
        <select id="filter-mode" name="mode" defaultValue={filters.mode ?? ''} className="field-input">
          <option value="">In person or online</option>
          <option value="in_person">In person</option>
          <option value="online">Online</option>
        </select>
      </div>
      <fieldset className="flex flex-col justify-end gap-2">
        <legend className="sr-only">Other filters</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="joint" value="1" defaultChecked={filters.joint} className="size-5" />
          Joint sessions with partner agencies
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="hasSeats" value="1" defaultChecked={filters.hasSeats} className="size-5" />
          Has seats left
        </label>
      </fieldset>
      <div className="flex items-end gap-3">
        <button type="submit" className="btn-primary">
          Show sessions
        </button>
        <a href="/" className="btn-secondary">
          Clear
        </a>
      </div>
    </form>
  );
}
