'use client';

import { useRef, useState } from 'react';
import type { TFormState } from '@/app/_lib/trainer-action';
import { nameMatches } from '../_lib/name-search';
import { CheckInRow, type TCheckInPerson } from './check-in-row';

/**
 * The door list with its search. Filtering happens here, as the trainer types; rows that do not
 * match are hidden rather than removed, so a half-typed hours field keeps what was typed.
 */
export function CheckInList({
  people,
  editable,
  maxHours,
  action,
}: {
  people: TCheckInPerson[];
  editable: boolean;
  maxHours: number;
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
}) {
  const [query, setQuery] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const shown = people.filter((person) => nameMatches(person.name, query));
  const shownIds = new Set(shown.map((person) => person.id));

  /** Enter with one match left goes straight to that person's first button. */
  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (shown.length === 1) list.current?.querySelector<HTMLElement>('li[data-check-in-row]:not([hidden]) button')?.focus();
  }

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="check-in-search" className="field-label">
          Find by name
        </label>
        <input
          id="check-in-search"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          enterKeyHint="go"
          aria-describedby="check-in-search-hint check-in-search-count"
          className="field-input text-lg"
        />
        <p id="check-in-search-hint" className="text-sm text-slate-700">
          Type any part of a name; accents do not matter. With one match left, Enter goes to that person’s buttons.
        </p>
        <p id="check-in-search-count" role="status" className="text-sm font-medium text-slate-900">
          {query.trim() === ''
            ? `${people.length} ${people.length === 1 ? 'person' : 'people'}`
            : shown.length === 0
              ? `Nobody matches “${query.trim()}”.`
              : `Showing ${shown.length} of ${people.length}`}
        </p>
      </div>
      <ul ref={list} className="divide-y divide-slate-200">
        {people.map((person) => (
          <CheckInRow
            key={person.id}
            person={person}
            editable={editable}
            maxHours={maxHours}
            hidden={!shownIds.has(person.id)}
            action={action}
          />
        ))}
      </ul>
    </div>
  );
}
