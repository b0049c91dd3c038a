import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { calendarFeeds, registrations, trainingSessions, users, type TRegistrationStatus } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { manageTokenFor } from '@/lib/registrations/tokens';
import { createSession, updateSession } from '@/lib/sessions/sessions';
import { changeWorkshopStatus, createWorkshop } from '@/lib/workshops/workshops';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { feedWebUrl, personalFeedUrl, renderFeed, resetPersonalFeed, resetTrainerFeed, trainerFeedUrl } from './feeds';
import { personalFeedOwnerEmail, resetPersonalFeedFor } from './owner';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `webcal://host/calendar/<id>/<token>.ics` → its id and token. */
function partsOf(url: string): { feedId: string; token: string } {
  const match = /^webcal:\/\/localhost:3000\/calendar\/([0-9a-f-]{36})\/([A-Za-z0-9_-]{5}\.[A-Za-z0-9_-]{43})\.ics$/.exec(url);
  expect(match, url).not.toBeNull();
  return { feedId: match![1]!, token: match![2]! };
}

async function render(db: Db, url: string): Promise<string | null> {
  const { feedId, token } = partsOf(url);
  return renderFeed(db, feedId, token);
}

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  return { calendar, events, byUid: new Map(events.map((e) => [e.uid, e])) };
}

describe.each(testDrivers)('calendar feeds on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: { id: string; role: 'trainer' };
  let officer: TActor;
  type TSessionKey = 'inPerson' | 'online' | 'waitlisted' | 'cancelledPlace' | 'cancelledSession' | 'recent' | 'old' | 'draft' | 'archived';
  type TPlaceKey =
    | 'aliceInPerson'
    | 'aliceOnline'
    | 'aliceWaitlisted'
    | 'aliceCancelled'
    | 'aliceInCancelledSession'
    | 'aliceRecent'
    | 'aliceOld'
    | 'aliceDraft'
    | 'bobInPerson'
    | 'bobSecond';
  const sessions = {} as Record<TSessionKey, string>;
  const places = {} as Record<TPlaceKey, string>;
  const manageTokens = {} as Record<TPlaceKey, string>;

  async function newSession(workshopId: string, startsAt: number, extra: Record<string, unknown> = {}): Promise<string> {
    const created = await createSession(db, trainer, workshopId, {
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3 * HOUR).toISOString(),
      timeZone: 'America/Chicago',
      capacity: 20,
      venue: { name: 'Training Room 2', address: '100 Main Street' },
      ...extra,
    });
    return created.id;
  }

  /** A registration as the registration flow leaves it; the feeds only read these rows. */
  async function place(key: TPlaceKey, sessionId: string, email: string, status: TRegistrationStatus, calendarSequence = 0) {
    const id = randomUUID();
    const manage = manageTokenFor(id);
    manageTokens[key] = manage.token;
    const [row] = await db
      .insert(registrations)
      .values({
        id,
        sessionId,
        name: email.split('@')[0]!,
        email,
        agency: 'Riverside Police Department',
        badgeNumber: `B-${key}`,
        accessNeeds: `needs of ${key}`,
        status,
        manageTokenHash: manage.hash,
        calendarSequence,
        confirmedAt: status === 'confirmed' ? new Date() : null,
      })
      .returning({ id: registrations.id });
    places[key] = row!.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    const [user] = await db.insert(users).values({ email: 'officer@example.org' }).returning();
    officer = { id: user!.id, role: user!.role };

    const published = await createWorkshop(db, trainer, { title: 'Trauma-informed interviewing', summary: 'Talking with victims.', whatToBring: 'Your ID' });
    await changeWorkshopStatus(db, trainer, published.id, 'publish');
    const draft = await createWorkshop(db, trainer, { title: 'Draft workshop', summary: 'Not out yet.' });
    const archived = await createWorkshop(db, trainer, { title: 'Old workshop', summary: 'Retired.' });
    await changeWorkshopStatus(db, trainer, archived.id, 'archive');

    const now = Date.now();
    sessions.inPerson = await newSession(published.id, now + 10 * DAY);
    sessions.online = await newSession(published.id, now + 20 * DAY, { venue: null, onlineUrl: 'https://meet.example.org/room-42' });
    sessions.waitlisted = await newSession(published.id, now + 30 * DAY);
    sessions.cancelledPlace = await newSession(published.id, now + 40 * DAY);
    sessions.cancelledSession = await newSession(published.id, now + 50 * DAY);
    sessions.recent = await newSession(published.id, now - 30 * DAY);
    sessions.old = await newSession(published.id, now - 100 * DAY);
    sessions.draft = await newSession(draft.id, now + 15 * DAY);
    sessions.archived = await newSession(archived.id, now + 15 * DAY);

    await place('aliceInPerson', sessions.inPerson, 'alice@example.org', 'confirmed');
    await place('aliceOnline', sessions.online, 'alice@example.org', 'confirmed', 2);
    await place('aliceWaitlisted', sessions.waitlisted, 'alice@example.org', 'waitlisted');
    await place('aliceCancelled', sessions.cancelledPlace, 'alice@example.org', 'cancelled');
    await place('aliceInCancelledSession', sessions.cancelledSession, 'alice@example.org', 'confirmed');
    await place('aliceRecent', sessions.recent, 'alice@example.org', 'confirmed');
    await place('aliceOld', sessions.old, 'alice@example.org', 'confirmed');
    await place('aliceDraft', sessions.draft, 'alice@example.org', 'confirmed');
    await place('bobInPerson', sessions.inPerson, 'bob@example.org', 'confirmed');
    await place('bobSecond', sessions.waitlisted, 'bob@example.org', 'confirmed');

    // A reschedule raises the session's SEQUENCE; a cancellation takes the session out of feeds.
    await updateSession(db, trainer, sessions.online, { startsAt: new Date(now + 21 * DAY).toISOString(), endsAt: new Date(now + 21 * DAY + 3 * HOUR).toISOString() });
    await updateSession(db, trainer, sessions.cancelledSession, { status: 'cancelled' });
    await db.update(trainingSessions).set({ confirmedCount: 12 }).where(eq(trainingSessions.id, sessions.inPerson));
  });
  afterAll(async () => {
    await database?.close();
  });

  describe("a person's feed", () => {
    it('has one stable link per email, whatever its case, made on first use', async () => {
      const first = await personalFeedUrl(db, ' Alice@Example.ORG ');
      expect(await personalFeedUrl(db, 'alice@example.org')).toBe(first);
      partsOf(first);
      expect(feedWebUrl(first)).toBe(first.replace(/^webcal:/, 'http:'));
      const rows = await db.select().from(calendarFeeds).where(eq(calendarFeeds.ownerEmail, 'alice@example.org'));
      expect(rows).toHaveLength(1);
      expect(await personalFeedUrl(db, 'bob@example.org')).not.toBe(first);
    });

    it('gives simultaneous first uses one feed', async () => {
      const urls = await Promise.all(Array.from({ length: 8 }, () => personalFeedUrl(db, 'first-time@example.org')));
      expect(new Set(urls).size).toBe(1);
      expect(await db.select().from(calendarFeeds).where(eq(calendarFeeds.ownerEmail, 'first-time@example.org'))).toHaveLength(1);
    });

    it('lists exactly their confirmed places in scheduled sessions from 90 days ago on, with their invite UIDs', async () => {
      const ics = await render(db, await personalFeedUrl(db, 'alice@example.org'));
      expect(ics).not.toBeNull();
      const { calendar, events, byUid } = parse(ics!);
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Muster: my training');
      const expected = (['aliceInPerson', 'aliceOnline', 'aliceRecent', 'aliceDraft'] as const).map((key) => `${places[key]}@localhost`);
      expect(events.map((e) => e.uid).sort()).toEqual(expected.sort());

      const inPerson = byUid.get(`${places.aliceInPerson}@localhost`)!;
      expect(inPerson.summary).toBe('Trauma-informed interviewing');
      expect(inPerson.location).toBe('Training Room 2, 100 Main Street');
      expect(inPerson.sequence).toBe(0);
      expect(inPerson.description).toContain(`Session page: http://localhost:3000/sessions/${sessions.inPerson}`);
      expect(inPerson.description).toContain('What to bring: Your ID');
      expect(inPerson.startDate.toJSDate().getTime()).toBeGreaterThan(Date.now());

      const online = byUid.get(`${places.aliceOnline}@localhost`)!;
      expect(online.location).toBe('Online');
      expect(online.description).toContain('Join online: https://meet.example.org/room-42');
      // The session's own SEQUENCE (raised by the move) plus the person's.
      const [moved] = await db.select({ sequence: trainingSessions.sequence }).from(trainingSessions).where(eq(trainingSessions.id, sessions.online));
      expect(moved!.sequence).toBeGreaterThan(0);
      expect(online.sequence).toBe(moved!.sequence + 2);
    });

    it("holds nothing of anyone else: no attendees, no other person's places or details", async () => {
      const ics = (await render(db, await personalFeedUrl(db, 'alice@example.org')))!;
      const { events } = parse(ics);
      for (const event of events) {
        expect(event.attendees).toHaveLength(0);
        expect(event.organizer).toBe('mailto:no-reply@localhost');
      }
      expect(ics).not.toMatch(/ATTENDEE/);
      expect(ics).not.toMatch(/bob/i);
      expect(ics).not.toContain(places.bobInPerson);
      expect(ics).not.toMatch(/needs of|B-alice|Riverside/);

      const bob = parse((await render(db, await personalFeedUrl(db, 'bob@example.org')))!);
      expect(bob.events.map((e) => e.uid).sort()).toEqual([`${places.bobInPerson}@localhost`, `${places.bobSecond}@localhost`].sort());
    });

    it('is empty, not missing, for an address with no confirmed places', async () => {
      const { calendar, events } = parse((await render(db, await personalFeedUrl(db, 'nobody@example.org')))!);
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Muster: my training');
      expect(events).toHaveLength(0);
    });

    it('stops answering the old link after a reset; the new one works', async () => {
      const old = await personalFeedUrl(db, 'alice@example.org');
      const fresh = await resetPersonalFeed(db, 'ALICE@example.org');
      expect(fresh).not.toBe(old);
      expect(partsOf(fresh).feedId).toBe(partsOf(old).feedId);
      expect(await render(db, old)).toBeNull();
      expect(await render(db, fresh)).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(await personalFeedUrl(db, 'alice@example.org')).toBe(fresh);
    });

    it('refuses unknown ids, wrong tokens and tokens of another feed, all alike', async () => {
      const alice = partsOf(await personalFeedUrl(db, 'alice@example.org'));
      const bob = partsOf(await personalFeedUrl(db, 'bob@example.org'));
      expect(await renderFeed(db, alice.feedId, bob.token)).toBeNull();
      expect(await renderFeed(db, bob.feedId, alice.token)).toBeNull();
      expect(await renderFeed(db, alice.feedId, `${alice.token.slice(0, -1)}${alice.token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
      expect(await renderFeed(db, '00000000-0000-4000-8000-000000000000', alice.token)).toBeNull();
      expect(await renderFeed(db, 'not-a-uuid', alice.token)).toBeNull();
      expect(await renderFeed(db, alice.feedId, '')).toBeNull();
      expect(await renderFeed(db, alice.feedId, `${alice.token}x`)).toBeNull();
    });
  });

  describe('resetting with a proof of who asks', () => {
    it("takes the email from the registration behind a manage token, never the page's", async () => {
      expect(await personalFeedOwnerEmail(db, { manageToken: manageTokens.bobInPerson, signedInEmail: 'alice@example.org' })).toBe('bob@example.org');
      expect(await personalFeedOwnerEmail(db, { signedInEmail: 'Alice@Example.org' })).toBe('alice@example.org');
      expect((await refusal(personalFeedOwnerEmail(db, { manageToken: 'not-a-real-token' }))).status).toBe(404);
      expect((await refusal(personalFeedOwnerEmail(db, {}))).status).toBe(401);
      expect((await refusal(personalFeedOwnerEmail(db, { manageToken: '  ', signedInEmail: null }))).status).toBe(401);
    });

    it('resets the feed of the manage token’s owner', async () => {
      const old = await personalFeedUrl(db, 'bob@example.org');
      const fresh = await resetPersonalFeedFor(db, { manageToken: manageTokens.bobSecond });
      expect(await render(db, old)).toBeNull();
      expect(await personalFeedUrl(db, 'bob@example.org')).toBe(fresh);
    });
  });

  describe("a trainer's feed", () => {
    it('is for trainers only', async () => {
      expect((await refusal(trainerFeedUrl(db, officer))).status).toBe(403);
      expect((await refusal(trainerFeedUrl(db, null))).status).toBe(401);
      expect((await refusal(resetTrainerFeed(db, officer))).status).toBe(403);
      expect((await refusal(resetTrainerFeed(db, null))).status).toBe(401);
      expect(await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, officer!.id))).toHaveLength(0);
    });

    it('lists every scheduled session of draft and published workshops from 90 days ago on, with its fill and no people', async () => {
      const url = await trainerFeedUrl(db, trainer);
      expect(await trainerFeedUrl(db, trainer)).toBe(url);
      const ics = (await render(db, url))!;
      const { calendar, events, byUid } = parse(ics);
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Muster: sessions I run');
      const expected = (['inPerson', 'online', 'waitlisted', 'cancelledPlace', 'recent', 'draft'] as const).map((key) => `session-${sessions[key]}@localhost`);
      expect(events.map((e) => e.uid).sort()).toEqual(expected.sort());
      expect(byUid.get(`session-${sessions.inPerson}@localhost`)!.description).toMatch(/^12 of 20 confirmed\./);
      expect(byUid.get(`session-${sessions.online}@localhost`)!.description).toContain('https://meet.example.org/room-42');
      for (const event of events) expect(event.attendees).toHaveLength(0);
      expect(ics).not.toMatch(/alice|bob|ATTENDEE/i);
    });

    it('stops with a reset, and when its owner is no longer a trainer', async () => {
      const old = await trainerFeedUrl(db, trainer);
      const fresh = await resetTrainerFeed(db, trainer);
      expect(await render(db, old)).toBeNull();
      expect(await render(db, fresh)).not.toBeNull();

      const other = await ensureTrainer(db, 'leaving@example.org');
      const theirs = await trainerFeedUrl(db, other);
      expect(await render(db, theirs)).not.toBeNull();
      await db.update(users).set({ role: 'officer' }).where(eq(users.id, other.id));
      expect(await render(db, theirs)).toBeNull();
    });
  });
});
