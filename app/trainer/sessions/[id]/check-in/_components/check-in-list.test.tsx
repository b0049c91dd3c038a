import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TFormState } from '@/app/_lib/trainer-action';
import { CheckInList } from './check-in-list';
import type { TCheckInPerson } from './check-in-row';

const people: TCheckInPerson[] = [
  { id: 'a', name: 'Alex Rivera', agency: 'Riverside PD', attendance: 'attended', attendedHours: null, recordedAtText: '9:05 CST' },
  { id: 'b', name: 'Łukasz Żółć', agency: '', attendance: 'partial', attendedHours: 1.5, recordedAtText: '11:40 CST' },
  { id: 'c', name: 'Sam Lee', agency: '', attendance: null, attendedHours: null, recordedAtText: null },
];
const action = async (state: TFormState) => state;
const render = (editable: boolean) => renderToStaticMarkup(<CheckInList people={people} editable={editable} maxHours={3} action={action} />);

describe('the door list', () => {
  it('has a labelled search and one row per person, saying what is recorded', () => {
    const html = render(true);
    expect(html).toMatch(/<label for="check-in-search"[^>]*>Find by name<\/label>/);
    expect(html).toContain('id="check-in-search"');
    expect(html).toContain('3 people');
    expect(html).toContain('Marked attended, 9:05 CST');
    expect(html).toContain('Marked partial (1.5 hours), 11:40 CST');
    expect(html).toContain('Not marked yet');
  });

  it('shows the recorded choice with aria-pressed, and keeps the hours field closed until Partial is pressed', () => {
    const html = render(true);
    const pressed = [...html.matchAll(/<button[^>]*aria-pressed="true"[^>]*>(.*?)<\/button>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(pressed).toEqual(['✓Attended', '✓Partial']);
    expect([...html.matchAll(/aria-pressed="false"/g)]).toHaveLength(7);
    expect([...html.matchAll(/role="group" aria-labelledby="[^"]+"/g)]).toHaveLength(3);
    expect([...html.matchAll(/<form[^>]*id="[^"]+-hours-panel"[^>]*hidden=""/g)]).toHaveLength(3);
    expect(html).toMatch(/aria-expanded="false" aria-controls="[^"]+-hours-panel"/);
    expect(html).toContain('value="1.5"');
    expect(html).toContain('at most 3 hours, the length of the session');
  });

  it('offers no buttons when attendance cannot be recorded', () => {
    const html = render(false);
    expect(html).not.toContain('<button');
    expect(html).toContain('Alex Rivera');
  });
});
