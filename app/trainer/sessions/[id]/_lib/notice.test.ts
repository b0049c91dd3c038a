import { describe, expect, it } from 'vitest';
import { readRosterNotice, rosterNoticeUrl } from './notice';

const session = '3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';
const dana = '00000000-0000-4000-8000-000000000001';
const sam = '00000000-0000-4000-8000-000000000002';

function query(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url, 'http://localhost').searchParams);
}

describe('roster notices', () => {
  it('name people by registration id only, and read back what was written', () => {
    const url = rosterNoticeUrl(session, 'removed', dana, [sam]);
    expect(url).toBe(`/trainer/sessions/${session}?notice=removed&who=${dana}&up=${sam}`);
    expect(readRosterNotice(query(url))).toEqual({ notice: 'removed', who: dana, movedUp: [sam] });
    expect(readRosterNotice(query(rosterNoticeUrl(session, 'session-cancelled')))).toEqual({ notice: 'session-cancelled', who: null, movedUp: [] });
  });

  it('ignore unknown notices and ids that are not ids', () => {
    expect(readRosterNotice({ notice: 'hacked' })).toBeNull();
    expect(readRosterNotice({})).toBeNull();
    expect(readRosterNotice({ notice: 'promoted', who: '<script>', up: `x,${sam}` })).toEqual({ notice: 'promoted', who: null, movedUp: [sam] });
    expect(readRosterNotice({ notice: ['promoted', 'removed'], who: [dana] })).toEqual({ notice: 'promoted', who: dana, movedUp: [] });
  });
});
