import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { agencies, sessionFacilitators, trainingSessions, users, workshops, type TTrainingSession } from '@/db/schema';
import { assertTrainer, type TActor } from '@/lib/auth/actor';
import { AppError, fieldError, notFoundError, parseInput } from '@/lib/errors/app-error';
import { instantToWallTime, wallTimeToInstant } from '@/lib/time/zoned';
import { isUuid } from '@/lib/workshops/workshops';
import { defaultReleaseAt, reserveSeats, type TAllotmentInput } from '@/lib/registrations/seating/reserve';
import { promoteFromWaitlist } from '@/lib/registrations/seating';
import { allotmentInputsOf, allotmentsOf } from './allotments';
import { audiencesOf, setSessionAgencies } from './audience';
import { notifySessionChange } from './notify-change';
import { replaceCoFacilitators, syncCoFacilitatorInvites } from './co-facilitator-invites';
import { toPublicSessionDto, type TTrainerSessionDto } from './dto';
import { sessionRuleErrors, ZSessionCreate, ZSessionPatch, type TSessionCreate } from './schemas';

type TSessionValues = typeof trainingSessions.$inferInsert;

function throwIfRulesBroken(fields: Record<string, string>) {
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', 'Some fields need attention.', 422, fields);
}

async function assertAgencyExists(db: Db, agencyId: string | null | undefined) {
  if (!agencyId) return;
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
  if (!row) throw fieldError('partnerAgencyId', 'That partner agency does not exist.');
}

/** Every agency named exists; otherwise `message` beside `field`. */
async function assertAgenciesExist(db: Db, agencyIds: readonly string[] | undefined, field: string, message: string) {
  if (!agencyIds?.length) return;
  const found = await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, [...agencyIds]));
  if (found.length < new Set(agencyIds).size) throw fieldError(field, message);
}

/** The agencies a change names for its audience and its allotments exist. */
async function assertNamedAgenciesExist(db: Db, data: { agencyIds?: readonly string[]; allotments?: readonly TAllotmentInput[] }) {
  await assertAgenciesExist(db, data.agencyIds, 'agencyIds', 'One of the chosen agencies does not exist.');
  await assertAgenciesExist(db, data.allotments?.map((allotment) => allotment.agencyId), 'allotments', 'One of the agencies to reserve seats for does not exist.');
}

/** Reserves the new session's seats for agencies, when it keeps any. */
async function reserveNewSessionSeats(tx: Db, id: string, values: TSessionValues, data: TSessionCreate, now: Date) {
  if (!data.allotments?.length) return;
  const releaseAt = data.allotmentsReleaseAt ?? defaultReleaseAt(values.startsAt);
  await reserveSeats(tx, { id, capacity: values.capacity, confirmedCount: 0 }, data.allotments, releaseAt, now);
}

async function workshopOrThrow(db: Db, workshopId: string) {
  if (!isUuid(workshopId)) throw notFoundError('Workshop');
  const [row] = await db
    .select({ id: workshops.id, slug: workshops.slug, title: workshops.title })
    .from(workshops)
    .where(eq(workshops.id, workshopId));
  if (!row) throw notFoundError('Workshop');
  return row;
}

/** Values for a new session: registration opens now and closes at the start unless given. */
function valuesFor(workshopId: string, data: TSessionCreate, now: Date): TSessionValues {
  return {
    workshopId,
    startsAt: data.startsAt,
    endsAt: data.endsAt,
    timeZone: data.timeZone,
    capacity: data.capacity,
    venueName: data.venue?.name ?? '',
    venueAddress: data.venue?.address ?? '',
    venueDirections: data.venue?.directions ?? '',
    venueAccessibility: data.venue?.accessibility ?? '',
    onlineUrl: data.onlineUrl ?? null,
    registrationOpensAt: data.registrationOpensAt ?? (now < data.startsAt ? now : new Date(data.startsAt.getTime() - 1)),
    registrationClosesAt: data.registrationClosesAt ?? data.startsAt,
    minEnrolment: data.minEnrolment ?? null,
    partnerAgencyId: data.partnerAgencyId ?? null,
    visibility: data.visibility ?? 'public',
    approval: data.approval ?? 'none',
    // A session not listed publicly is shared by link, where nobody should learn who registered.
    requireEmailConfirmation: data.requireEmailConfirmation ?? (data.visibility ?? 'public') !== 'public',
    maxRegistrationsPerAddress: data.maxRegistrationsPerAddress === undefined ? 10 : data.maxRegistrationsPerAddress,
    firstReminderHours: data.firstReminderHours === undefined ? 168 : data.firstReminderHours,
    secondReminderHours: data.secondReminderHours === undefined ? 24 : data.secondReminderHours,
  };
}

function checkValues(
  values: TSessionValues,
  confirmedCount?: number,
  agencyCount?: number,
  allotments?: { seats: readonly TAllotmentInput[]; releaseAt: Date | null },
) {
  throwIfRulesBroken(
    sessionRuleErrors({
      startsAt: values.startsAt,
      endsAt: values.endsAt,
      capacity: values.capacity,
      venueName: values.venueName ?? '',
      onlineUrl: values.onlineUrl ?? null,
      registrationOpensAt: values.registrationOpensAt,
      registrationClosesAt: values.registrationClosesAt,
      minEnrolment: values.minEnrolment ?? null,
      confirmedCount,
      firstReminderHours: values.firstReminderHours,
      secondReminderHours: values.secondReminderHours,
      visibility: values.visibility,
      agencyCount,
      allotments: allotments?.seats,
      allotmentsReleaseAt: allotments?.releaseAt,
    }),
  );
}

async function insertFacilitators(db: Db, sessionIds: string[], trainerId: string, coFacilitators: { name: string; email: string }[]) {
  const [trainer] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, trainerId));
  const rows = sessionIds.flatMap((sessionId) => [
    { sessionId, userId: trainerId, name: trainer?.name ?? trainer?.email ?? 'Trainer', email: trainer?.email ?? '', position: 0 },
    ...coFacilitators.map((f, i) => ({ sessionId, name: f.name, email: f.email, position: i + 1 })),
  ]);
  if (rows.length > 0) await db.insert(sessionFacilitators).values(rows);
}

export async function createSession(db: Db, actor: TActor, workshopId: string, input: unknown): Promise<TTrainerSessionDto> {
  assertTrainer(actor);
  const data = parseInput(ZSessionCreate, input);
  await workshopOrThrow(db, workshopId);
  await assertAgencyExists(db, data.partnerAgencyId);
  await assertNamedAgenciesExist(db, data);
  const now = new Date();
  const values = valuesFor(workshopId, data, now);
  checkValues(values, undefined, data.agencyIds?.length ?? 0, { seats: data.allotments ?? [], releaseAt: data.allotmentsReleaseAt ?? null });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(trainingSessions).values(values).returning({ id: trainingSessions.id });
    await insertFacilitators(tx, [row!.id], actor.id, data.facilitators ?? []);
    await syncCoFacilitatorInvites(tx, row!.id, { now });
    await setSessionAgencies(tx, row!.id, data.agencyIds ?? []);
    await reserveNewSessionSeats(tx, row!.id, values, data, now);
    return row!.id;
  });
  return getSessionForTrainer(db, actor, id);
}

export type TSeriesRepeat = { kind: 'weekly'; count: number } | { kind: 'dates'; dates: string[] };

/**
 * The same session on several days, in one transaction. Each copy keeps the wall-clock times in
 * the session's zone (a 09:00 session stays at 09:00 across a change of clocks).
 */
export async function createSessionSeries(
  db: Db,
  actor: TActor,
  workshopId: string,
  input: unknown,
  repeat: TSeriesRepeat,
): Promise<TTrainerSessionDto[]> {
  assertTrainer(actor);
  const data = parseInput(ZSessionCreate, input);
  await workshopOrThrow(db, workshopId);
  await assertAgencyExists(db, data.partnerAgencyId);
  const firstDate = instantToWallTime(data.startsAt, data.timeZone).slice(0, 10);
  const dates =
    repeat.kind === 'weekly'
      ? Array.from({ length: repeat.count }, (_, i) => addDays(firstDate, 7 * i))
      : [...new Set(repeat.dates)].sort();
  if (repeat.kind === 'weekly' && !Number.isInteger(repeat.count)) throw fieldError('repeat', 'Give a whole number of weeks.');
  if (dates.length < 1 || dates.length > 52) throw fieldError('repeat', 'A series has between 1 and 52 sessions.');
  const realDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
  const notADate = dates.find((d) => !realDate(d));
  if (notADate) throw fieldError('repeat', `${notADate} is not a date: give dates as YYYY-MM-DD.`);
  const now = new Date();
  const shift = (instant: Date, date: string) => {
    try {
      return wallTimeToInstant(`${addDays(date, dayOffset(firstDate, instant, data.timeZone))}T${instantToWallTime(instant, data.timeZone).slice(11)}`, data.timeZone);
    } catch (error) {
      // One date of the series falls in the hour the clocks skip.
      if (error instanceof RangeError) throw fieldError('repeat', error.message);
      throw error;
    }
  };
  const seriesId = randomUUID();
  const allValues = dates.map((date) => {
    const startsAt = shift(data.startsAt, date);
    const copy: TSessionCreate = {
      ...data,
      // Each copy releases its reserved seats as long before its start as the first one does.
      allotmentsReleaseAt: data.allotmentsReleaseAt ? new Date(startsAt.getTime() - (data.startsAt.getTime() - data.allotmentsReleaseAt.getTime())) : undefined,
      startsAt,
      endsAt: shift(data.endsAt, date),
      registrationOpensAt: data.registrationOpensAt ? shift(data.registrationOpensAt, date) : undefined,
      registrationClosesAt: data.registrationClosesAt ? shift(data.registrationClosesAt, date) : undefined,
    };
    return { values: { ...valuesFor(workshopId, copy, now), seriesId }, copy };
  });
  await assertNamedAgenciesExist(db, data);
  allValues.forEach(({ values, copy }) =>
    checkValues(values, undefined, data.agencyIds?.length ?? 0, { seats: copy.allotments ?? [], releaseAt: copy.allotmentsReleaseAt ?? null }),
  );
  const ids = await db.transaction(async (tx) => {
    const rows = await tx.insert(trainingSessions).values(allValues.map((v) => v.values)).returning({ id: trainingSessions.id });
    await insertFacilitators(tx, rows.map((r) => r.id), actor.id, data.facilitators ?? []);
    for (const [i, row] of rows.entries()) {
      await syncCoFacilitatorInvites(tx, row.id, { now });
      await setSessionAgencies(tx, row.id, data.agencyIds ?? []);
      await reserveNewSessionSeats(tx, row.id, allValues[i]!.values, allValues[i]!.copy, now);
    }
    return rows.map((r) => r.id);
  });
  return Promise.all(ids.map((id) => getSessionForTrainer(db, actor, id)));
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days between the series' first date and the instant's local date (an end after midnight is +1). */
function dayOffset(firstDate: string, instant: Date, timeZone: string): number {
  const local = instantToWallTime(instant, timeZone).slice(0, 10);
  return Math.round((Date.parse(`${local}T00:00:00Z`) - Date.parse(`${firstDate}T00:00:00Z`)) / 86_400_000);
}

async function sessionRowOrThrow(db: Db, id: string): Promise<TTrainingSession> {
  if (!isUuid(id)) throw notFoundError('Session');
  const [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  if (!row) throw notFoundError('Session');
  return row;
}

/**
 * Changes a session. A change of time, place or status raises the calendar SEQUENCE so invites
 * already sent are replaced, not duplicated, and the people registered are told in the same
 * transaction (see notifySessionChange). Capacity cannot drop below the confirmed count.
 */
export async function updateSession(db: Db, actor: TActor, id: string, input: unknown): Promise<TTrainerSessionDto> {
  assertTrainer(actor);
  if (!isUuid(id)) throw notFoundError('Session');
  const data = parseInput(ZSessionPatch, input);
  await assertAgencyExists(db, data.partnerAgencyId);
  await assertNamedAgenciesExist(db, data);
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, id)).for('update');
    if (!current) throw notFoundError('Session');
    const now = new Date();
    const agencyCount = data.agencyIds?.length ?? (await audiencesOf(tx, [id])).get(id)?.length ?? 0;
    const next: TSessionValues = {
      ...current,
      ...(data.startsAt && { startsAt: data.startsAt }),
      ...(data.endsAt && { endsAt: data.endsAt }),
      ...(data.timeZone && { timeZone: data.timeZone }),
      ...(data.capacity !== undefined && { capacity: data.capacity }),
      ...(data.venue !== undefined && {
        venueName: data.venue?.name ?? '',
        venueAddress: data.venue?.address ?? '',
        venueDirections: data.venue?.directions ?? '',
        venueAccessibility: data.venue?.accessibility ?? '',
      }),
      ...(data.onlineUrl !== undefined && { onlineUrl: data.onlineUrl }),
      ...(data.registrationOpensAt && { registrationOpensAt: data.registrationOpensAt }),
      ...(data.registrationClosesAt && { registrationClosesAt: data.registrationClosesAt }),
      ...(data.minEnrolment !== undefined && { minEnrolment: data.minEnrolment }),
      ...(data.partnerAgencyId !== undefined && { partnerAgencyId: data.partnerAgencyId }),
      ...(data.visibility && { visibility: data.visibility }),
      ...(data.approval && { approval: data.approval }),
      ...(data.requireEmailConfirmation !== undefined && { requireEmailConfirmation: data.requireEmailConfirmation }),
      ...(data.maxRegistrationsPerAddress !== undefined && { maxRegistrationsPerAddress: data.maxRegistrationsPerAddress }),
      ...(data.status && { status: data.status }),
      ...(data.firstReminderHours !== undefined && { firstReminderHours: data.firstReminderHours }),
      ...(data.secondReminderHours !== undefined && { secondReminderHours: data.secondReminderHours }),
    };
    const allotments = data.allotments ?? (current.allotmentsReleaseAt ? await allotmentInputsOf(tx, id) : []);
    // A release date moves with the start unless the change names one.
    const releaseAt =
      data.allotmentsReleaseAt ??
      (current.allotmentsReleaseAt && data.allotmentsReleaseAt !== null
        ? new Date(current.allotmentsReleaseAt.getTime() + next.startsAt.getTime() - current.startsAt.getTime())
        : defaultReleaseAt(next.startsAt));
    checkValues(next, current.confirmedCount, agencyCount, { seats: allotments, releaseAt });
    if (data.agencyIds) await setSessionAgencies(tx, id, data.agencyIds);
    const calendarChanged =
      next.startsAt.getTime() !== current.startsAt.getTime() ||
      next.endsAt.getTime() !== current.endsAt.getTime() ||
      next.timeZone !== current.timeZone ||
      next.venueName !== current.venueName ||
      next.venueAddress !== current.venueAddress ||
      next.onlineUrl !== current.onlineUrl ||
      next.status !== current.status;
    await tx
      .update(trainingSessions)
      .set({ ...next, id: current.id, sequence: current.sequence + (calendarChanged ? 1 : 0), updatedAt: new Date() })
      .where(eq(trainingSessions.id, id));
    if (next.status === 'scheduled' && (allotments.length > 0 || current.allotmentsReleaseAt)) {
      await reserveSeats(tx, { id, capacity: next.capacity, confirmedCount: current.confirmedCount }, allotments, releaseAt, now);
      await promoteFromWaitlist(tx, id, now);
    }
    await notifySessionChange(tx, current, { message: data.cancellationMessage });
    if (next.status === 'cancelled' && current.status !== 'cancelled') {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'session.cancelled',
        subjectType: 'training_session',
        subjectId: id,
        sessionId: id,
        details: { confirmed: current.confirmedCount, waitlisted: current.waitlistCount, withMessage: Boolean(data.cancellationMessage) },
      });
    }
    // Only the co-facilitators are replaced: whoever saves the change does not become the lead.
    if (data.facilitators) await replaceCoFacilitators(tx, id, data.facilitators, now);
    await syncCoFacilitatorInvites(tx, id, { before: current, message: data.cancellationMessage, now });
  });
  return getSessionForTrainer(db, actor, id);
}

async function hydrate(db: Db, rows: TTrainingSession[]): Promise<TTrainerSessionDto[]> {
  if (rows.length === 0) return [];
  const workshopIds = [...new Set(rows.map((r) => r.workshopId))];
  const agencyIds = [...new Set(rows.map((r) => r.partnerAgencyId).filter((id): id is string => !!id))];
  const [workshopRows, agencyRows, facilitatorRows, audiences, allotments] = await Promise.all([
    db.select({ id: workshops.id, slug: workshops.slug, title: workshops.title }).from(workshops).where(inArray(workshops.id, workshopIds)),
    agencyIds.length
      ? db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, agencyIds))
      : Promise.resolve([]),
    db
      .select()
      .from(sessionFacilitators)
      .where(inArray(sessionFacilitators.sessionId, rows.map((r) => r.id)))
      .orderBy(asc(sessionFacilitators.position)),
    audiencesOf(db, rows.filter((r) => r.visibility === 'agencies').map((r) => r.id)),
    allotmentsOf(db, rows.filter((r) => r.allotmentsReleaseAt !== null).map((r) => r.id)),
  ]);
  const workshopById = new Map(workshopRows.map((w) => [w.id, w]));
  const agencyById = new Map(agencyRows.map((a) => [a.id, a]));
  return rows.map((row) => ({
    ...toPublicSessionDto(
      row,
      workshopById.get(row.workshopId)!,
      row.partnerAgencyId ? (agencyById.get(row.partnerAgencyId) ?? null) : null,
      audiences.get(row.id),
    ),
    onlineUrl: row.onlineUrl,
    minEnrolment: row.minEnrolment,
    confirmedCount: row.confirmedCount,
    sequence: row.sequence,
    seriesId: row.seriesId,
    firstReminderHours: row.firstReminderHours,
    secondReminderHours: row.secondReminderHours,
    maxRegistrationsPerAddress: row.maxRegistrationsPerAddress,
    allotments: allotments.get(row.id) ?? [],
    allotmentsReleaseAt: row.allotmentsReleaseAt?.toISOString() ?? null,
    allotmentsReleased: row.allotmentsReleasedAt !== null,
    approval: row.approval,
    facilitators: facilitatorRows
      .filter((f) => f.sessionId === row.id)
      .map((f) => ({ name: f.name, email: f.email, lead: f.userId !== null })),
  }));
}

export async function getSessionForTrainer(db: Db, actor: TActor, id: string): Promise<TTrainerSessionDto> {
  assertTrainer(actor);
  const [dto] = await hydrate(db, [await sessionRowOrThrow(db, id)]);
  return dto!;
}

export async function listSessionsOfWorkshop(db: Db, actor: TActor, workshopId: string): Promise<TTrainerSessionDto[]> {
  assertTrainer(actor);
  await workshopOrThrow(db, workshopId);
  const rows = await db.select().from(trainingSessions).where(eq(trainingSessions.workshopId, workshopId)).orderBy(asc(trainingSessions.startsAt));
  return hydrate(db, rows);
}

export async function listSessionsOfAgency(db: Db, actor: TActor, agencyId: string): Promise<TTrainerSessionDto[]> {
  assertTrainer(actor);
  if (!isUuid(agencyId)) throw notFoundError('Agency');
  const rows = await db.select().from(trainingSessions).where(eq(trainingSessions.partnerAgencyId, agencyId)).orderBy(asc(trainingSessions.startsAt));
  return hydrate(db, rows);
}

export { hydrate as hydrateTrainerSessions };
