import 'server-only';
import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { calendarFeeds, registrations, trainingSessions, users, workshops, type TCalendarFeed } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { buildFeed, type CalendarEvent } from '@/lib/calendar';
import { isPlainEmail } from '@/lib/calendar/mail-from';
import { getEnv } from '@/lib/config/env';
import { linkSignatureMatches, signLink } from '@/lib/config/link-keys';
import { fieldError } from '@/lib/errors/app-error';
import { isUuid } from '@/lib/workshops/workshops';
import { calendarContext } from './context';
import { personFeedEvent, PERSON_FEED_NAME, trainerFeedEvent, TRAINER_FEED_NAME, type TCalendarContext } from './events';

const TOKEN_PURPOSE = 'calendar-feed';
/** How far back a feed reaches: recent sessions stay visible, old ones drop off. */
const HISTORY_MS = 90 * 24 * 60 * 60 * 1000;
/** A signature is 43 base64url characters, after a key version and a dot in links made since keys rotate. */
const TOKEN_SHAPE = /^(?:[A-Za-z0-9_-]{5}\.)?[A-Za-z0-9_-]{43}$/;

type TOwner = { ownerEmail: string } | { userId: string };

function tokenOf(feed: Pick<TCalendarFeed, 'id' | 'version'>): string {
  return signLink(TOKEN_PURPOSE, `${feed.id}:${feed.version}`);
}

/** `webcal://…`, which calendar apps open as a subscription. */
function webcalUrlOf(feed: Pick<TCalendarFeed, 'id' | 'version'>): string {
  const base = getEnv().APP_URL.replace(/\/+$/, '').replace(/^https?:/, 'webcal:');
  return `${base}/calendar/${feed.id}/${tokenOf(feed)}.ics`;
}

/**
 * The same feed as a web address (https in production; the app URL's own scheme), for apps that
 * take a pasted link rather than opening `webcal://` (Google Calendar, Outlook on the web).
 */
export function feedWebUrl(webcalUrl: string): string {
  const scheme = new URL(getEnv().APP_URL).protocol;
  return webcalUrl.replace(/^webcal:/, scheme);
}

function normaliseEmail(email: string): string {
  const normalised = email.trim().toLowerCase();
  if (!isPlainEmail(normalised)) throw fieldError('email', 'Enter the email address you registered with.');
  return normalised;
}

function ownerColumn(owner: TOwner) {
  return 'ownerEmail' in owner
    ? { column: calendarFeeds.ownerEmail, value: owner.ownerEmail }
    : { column: calendarFeeds.userId, value: owner.userId };
}

/**
 * The owner's feed, made on first use (pages show the link, so this runs on every view: a read
 * first). Concurrent first uses end up with the same row.
 */
async function ensureFeed(db: Db, owner: TOwner): Promise<TCalendarFeed> {
  const { column, value } = ownerColumn(owner);
  const find = async () => (await db.select().from(calendarFeeds).where(eq(column, value)))[0];
  const existing = await find();
  if (existing) return existing;
  await db.insert(calendarFeeds).values(owner).onConflictDoNothing({ target: column });
  const feed = await find();
  if (!feed) throw new Error('A calendar feed row vanished right after it was made.');
  return feed;
}

/** A new version, so the old token no longer matches: the previous link stops working. */
async function bumpFeed(db: Db, owner: TOwner): Promise<TCalendarFeed> {
  const { column } = ownerColumn(owner);
  const [feed] = await db
    .insert(calendarFeeds)
    .values({ ...owner, version: 1 })
    .onConflictDoUpdate({ target: column, set: { version: sql`${calendarFeeds.version} + 1`, updatedAt: sql`now()` } })
    .returning();
  return feed!;
}

/** A person's feed of their confirmed sessions, by the email they register with. */
export async function personalFeedUrl(db: Db, email: string): Promise<string> {
  return webcalUrlOf(await ensureFeed(db, { ownerEmail: normaliseEmail(email) }));
}

/** Revokes the person's current link and gives the new one. */
export async function resetPersonalFeed(db: Db, email: string): Promise<string> {
  return webcalUrlOf(await bumpFeed(db, { ownerEmail: normaliseEmail(email) }));
}

/** The trainer's feed of every scheduled session. Trainers only. */
export async function trainerFeedUrl(db: Db, actor: TActor): Promise<string> {
  assertTrainer(actor);
  return webcalUrlOf(await ensureFeed(db, { userId: actor.id }));
}

export async function resetTrainerFeed(db: Db, actor: TActor): Promise<string> {
  assertTrainer(actor);
  return webcalUrlOf(await bumpFeed(db, { userId: actor.id }));
}

async function personEvents(db: Db, email: string, context: TCalendarContext): Promise<CalendarEvent[]> {
  const rows = await db
    .select({
      registrationId: registrations.id,
      calendarSequence: registrations.calendarSequence,
      session: trainingSessions,
      workshop: { title: workshops.title, whatToBring: workshops.whatToBring },
    })
    .from(registrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, registrations.sessionId))
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(
      and(
        eq(registrations.email, email),
        eq(registrations.status, 'confirmed'),
        // A held place is not booked until its email confirms it.
        isNull(registrations.holdExpiresAt),
        eq(trainingSessions.status, 'scheduled'),
        gte(trainingSessions.endsAt, new Date(context.now.getTime() - HISTORY_MS)),
      ),
    )
    .orderBy(asc(trainingSessions.startsAt), asc(registrations.id));
  return rows.map((row) => personFeedEvent(row, context));
}

async function trainerEvents(db: Db, context: TCalendarContext): Promise<CalendarEvent[]> {
  const rows = await db
    .select({ session: trainingSessions, workshop: { title: workshops.title } })
    .from(trainingSessions)
    .innerJoin(workshops, eq(workshops.id, trainingSessions.workshopId))
    .where(
      and(
        eq(trainingSessions.status, 'scheduled'),
        inArray(workshops.status, ['draft', 'published']),
        gte(trainingSessions.endsAt, new Date(context.now.getTime() - HISTORY_MS)),
      ),
    )
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
  return rows.map((row) => trainerFeedEvent(row, context));
}

async function isTrainer(db: Db, userId: string): Promise<boolean> {
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  return user?.role === 'trainer';
}

/**
 * The calendar behind a feed link, or null when the id is unknown, the token is wrong or has been
 * reset, or a trainer's feed belongs to someone who is no longer a trainer. The caller answers
 * every null the same way, so a link reveals nothing about why it does not work.
 */
export async function renderFeed(db: Db, feedId: string, token: string, now = new Date()): Promise<string | null> {
  if (!isUuid(feedId) || !TOKEN_SHAPE.test(token)) return null;
  const [feed] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.id, feedId));
  if (!feed || !linkSignatureMatches(TOKEN_PURPOSE, `${feed.id}:${feed.version}`, token)) return null;
  const context = calendarContext(now);
  if (feed.ownerEmail !== null) {
    return buildFeed({ name: PERSON_FEED_NAME, events: await personEvents(db, feed.ownerEmail, context) });
  }
  if (feed.userId !== null && (await isTrainer(db, feed.userId))) {
    return buildFeed({ name: TRAINER_FEED_NAME, events: await trainerEvents(db, context) });
  }
  return null;
}
