import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { personalFeedUrl, resetPersonalFeed } from '@/lib/calendar-feeds/feeds';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { feedResponse } from './feed-response';

describe.each(testDrivers)('the feed route on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;

  const parts = (url: string) => {
    const [, feedId, file] = /\/calendar\/([^/]+)\/([^/]+)$/.exec(url)!;
    return { feedId: feedId!, file: file! };
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('answers a calendar that apps may cache privately for five minutes', async () => {
    const { feedId, file } = parts(await personalFeedUrl(db, 'alex@example.org'));
    const response = await feedResponse(db, feedId, file);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Muster: my training');
  });

  it('answers the same bare 404 to an old link, a wrong token and a file that is not .ics', async () => {
    const old = parts(await personalFeedUrl(db, 'sam@example.org'));
    const fresh = parts(await resetPersonalFeed(db, 'sam@example.org'));
    const refusals = [
      await feedResponse(db, old.feedId, old.file),
      await feedResponse(db, fresh.feedId, old.file),
      await feedResponse(db, fresh.feedId, fresh.file.replace(/\.ics$/, '.txt')),
      await feedResponse(db, '00000000-0000-4000-8000-000000000000', fresh.file),
    ];
    const bodies = await Promise.all(refusals.map(async (r) => `${r.status} ${r.headers.get('content-type')} ${await r.text()}`));
    expect(new Set(bodies)).toEqual(new Set(['404 text/plain; charset=utf-8 Not found.\n']));
    expect((await feedResponse(db, fresh.feedId, fresh.file)).status).toBe(200);
  });
});
