import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { registrations, trainingSessions } from '@/db/schema';
import { updateSession } from '@/lib/sessions/sessions';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { handlers } from './_handlers';
import { respond } from './_lib/api-handler';
import { DAY, people, session, workshop } from './_test/fixtures';

describe.each(testDrivers)('GET /api/v1/sessions/{id}/calendar.ics on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  const ids = {} as Record<'inPerson' | 'online' | 'unlisted' | 'cancelled' | 'draft', string>;

  const download = (id: string) =>
    respond(handlers.getSessionCalendar, { db, request: new Request(`http://muster.test/api/v1/sessions/${id}/calendar.ics`), params: { id } });

  async function event(id: string) {
    const response = await download(id);
    expect(response.status).toBe(200);
    const text = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevents = calendar.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    return { response, text, calendar, event: new ICAL.Event(vevents[0]!) };
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    const { trainer } = await people(db);
    const interviewing = await workshop(db, trainer, { title: 'Trauma-informed interviewing, part 1; basics', slug: 'trauma-informed-interviewing' });
    const draft = await workshop(db, trainer, { title: 'Draft workshop', status: 'draft' });
    // 03:00 UTC on 10 June 2031 is still 9 June in Chicago, where the session is held.
    ids.inPerson = (await session(db, trainer, interviewing.id, Date.UTC(2031, 5, 10, 3))).id;
    ids.online = (await session(db, trainer, interviewing.id, Date.now() + 3 * DAY, { venue: null, onlineUrl: 'https://meet.example.org/secret-room' })).id;
    ids.unlisted = (await session(db, trainer, interviewing.id, Date.now() + 4 * DAY, { visibility: 'unlisted' })).id;
    ids.cancelled = (await session(db, trainer, interviewing.id, Date.now() + 5 * DAY)).id;
    await updateSession(db, trainer, ids.cancelled, { status: 'cancelled' });
    ids.draft = (await session(db, trainer, draft.id, Date.now() + 1 * DAY)).id;
    await db.update(trainingSessions).set({ sequence: 3 }).where(eq(trainingSessions.id, ids.inPerson));
    await db.insert(registrations).values({
      sessionId: ids.inPerson,
      name: 'Alex Rivera',
      email: 'alex.rivera@example.org',
      status: 'confirmed',
      manageTokenHash: 'f'.repeat(64),
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is a METHOD:PUBLISH file with the session as one event, named after the workshop and the local date', async () => {
    const { response, calendar, event: e } = await event(ids.inPerson);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="trauma-informed-interviewing-2031-06-09.ics"');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(e.uid).toBe(`session-${ids.inPerson}@localhost`);
    expect(e.sequence).toBe(3);
    expect(e.summary).toBe('Trauma-informed interviewing, part 1; basics');
    expect(e.location).toBe('Training room, 1 Main St');
    expect(e.startDate.toJSDate().toISOString()).toBe('2031-06-10T03:00:00.000Z');
    expect(e.endDate.toJSDate().toISOString()).toBe('2031-06-10T06:00:00.000Z');
    expect(e.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(e.component.getFirstPropertyValue('url')).toBe(`http://localhost:3000/sessions/${ids.inPerson}`);
  });

  it('names nobody: no attendee and no one registered', async () => {
    const { text, event: e } = await event(ids.inPerson);
    expect(e.attendees).toHaveLength(0);
    expect(text).not.toMatch(/ATTENDEE|alex/i);
  });

  it('never carries the online meeting link', async () => {
    const { text, event: e } = await event(ids.online);
    expect(e.location).toBe('Online');
    expect(text).not.toContain('meet.example.org');
    expect(text).not.toContain('secret-room');
  });

  it('serves unlisted sessions by their id, and a cancelled session as cancelled', async () => {
    expect((await event(ids.unlisted)).event.uid).toBe(`session-${ids.unlisted}@localhost`);
    const cancelled = (await event(ids.cancelled)).event;
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.sequence).toBeGreaterThan(0);
  });

  it('is a 404 for unknown sessions and those of unpublished workshops', async () => {
    for (const id of [ids.draft, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await download(id);
      expect(response.status, id).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});
