import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors/app-error';
import { createSession, createSessionSeries, updateSession } from '@/lib/sessions/sessions';
import { instantToWallTime } from '@/lib/time/zoned';
import { createWorkshop } from '@/lib/workshops/workshops';
import { createTestDatabase, type TestDatabase } from '@/test/databases';
import { renamingFields } from './form-data';
import { sessionFieldNamer, sessionFormOrThrow, type TSessionFormMode } from './parse-session-form';
import { sessionFormValues } from './session-form-values';

/** A submitted form as runAction's schema reads it: every field as text. */
function form(entries: Record<string, string>): Record<string, string> {
  return entries;
}

const base = {
  timeZone: 'America/New_York',
  startsAt: '2026-03-01T09:00',
  endsAt: '2026-03-01T12:00',
  capacity: '20',
  'venue.name': 'Training Room B',
  'venue.address': '',
  'venue.directions': '',
  'venue.accessibility': '',
  onlineUrl: '',
  registrationOpensAt: '',
  registrationClosesAt: '',
  minEnrolment: '',
  partnerAgencyId: '',
  visibility: 'public',
  'facilitators.0.name': '',
  'facilitators.0.email': '',
  'facilitators.1.name': '',
  'facilitators.1.email': '',
  repeat: 'once',
};

/** What the create and edit actions do between the form and the database, without Next. */
async function submit(database: TestDatabase, actor: TActor, mode: TSessionFormMode, target: string, entries: Record<string, string>) {
  const parsed = sessionFormOrThrow(form(entries), mode);
  return renamingFields(async () => {
    if (mode === 'update') return [await updateSession(database.db, actor, target, parsed.input)];
    if (parsed.repeat) return createSessionSeries(database.db, actor, target, parsed.input, parsed.repeat);
    return [await createSession(database.db, actor, target, parsed.input)];
  }, sessionFieldNamer(parsed));
}

async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fields ?? {};
}

describe('the session form against the domain (PGlite)', () => {
  let database: TestDatabase;
  let trainer: TActor;
  let workshopId: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    trainer = await ensureTrainer(database.db, 'trainer@example.org');
    workshopId = (await createWorkshop(database.db, trainer, { title: 'Interviewing children' })).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('a weekly series keeps 09:00 New York time across the change of clocks', async () => {
    const sessions = await submit(database, trainer, 'create', workshopId, { ...base, repeat: 'weekly', repeatCount: '3' });
    expect(sessions.map((s) => s.startsAt)).toEqual(['2026-03-01T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-15T13:00:00.000Z']);
    expect(new Set(sessions.map((s) => s.seriesId)).size).toBe(1);
  });

  it('sessions on chosen dates', async () => {
    const sessions = await submit(database, trainer, 'create', workshopId, { ...base, repeat: 'dates', repeatDates: '2026-04-02\n2026-03-31' });
    expect(sessions.map((s) => instantToWallTime(new Date(s.startsAt), s.timeZone))).toEqual(['2026-03-31T09:00', '2026-04-02T09:00']);
  });

  it('domain messages come back under the form’s input names', async () => {
    const fields = await fieldsOf(
      submit(database, trainer, 'create', workshopId, {
        ...base,
        endsAt: '2026-03-01T08:00',
        'venue.name': '',
        'facilitators.1.name': 'Dana Ortiz',
        'facilitators.1.email': 'dana@',
      }),
    );
    expect(fields['facilitators.1.email']).toMatch(/email/);
    const rules = await fieldsOf(submit(database, trainer, 'create', workshopId, { ...base, endsAt: '2026-03-01T08:00', 'venue.name': '' }));
    expect(rules.endsAt).toBe('The session must end after it starts.');
    expect(rules.venue).toBe('Give a venue, or an online meeting link.');
  });

  it('an edit saves the form over the session, co-facilitators included, and reads back the same', async () => {
    const [created] = await submit(database, trainer, 'create', workshopId, {
      ...base,
      'facilitators.0.name': 'Dana Ortiz',
      'facilitators.0.email': 'dana@example.org',
    });
    const values = sessionFormValues(created!);
    expect(values.facilitators).toEqual([{ name: 'Dana Ortiz', email: 'dana@example.org' }]);
    expect(values.startsAt).toBe('2026-03-01T09:00');
    const [updated] = await submit(database, trainer, 'update', created!.id, {
      ...base,
      startsAt: values.startsAt,
      endsAt: '2026-03-01T13:00',
      registrationOpensAt: values.registrationOpensAt,
      registrationClosesAt: values.registrationClosesAt,
      'facilitators.0.name': '',
      'facilitators.1.name': 'Sam Lee',
    });
    expect(updated!.endsAt).toBe('2026-03-01T18:00:00.000Z');
    expect(sessionFormValues(updated!).facilitators).toEqual([{ name: 'Sam Lee', email: '' }]);
    expect(updated!.sequence).toBe(created!.sequence + 1);
  });

  it('a new session gets reminders 7 days and 1 day before; an edit changes or turns them off, and the form shows what is saved', async () => {
    const [created] = await submit(database, trainer, 'create', workshopId, { ...base, firstReminderHours: '168', secondReminderHours: '24' });
    expect([created!.firstReminderHours, created!.secondReminderHours]).toEqual([168, 24]);
    const values = sessionFormValues(created!);
    expect([values.firstReminderHours, values.secondReminderHours]).toEqual(['168', '24']);
    const [updated] = await submit(database, trainer, 'update', created!.id, {
      ...base,
      startsAt: values.startsAt,
      registrationOpensAt: values.registrationOpensAt,
      registrationClosesAt: values.registrationClosesAt,
      firstReminderHours: 'off',
      secondReminderHours: '2',
    });
    expect([updated!.firstReminderHours, updated!.secondReminderHours]).toEqual([null, 2]);
    expect([sessionFormValues(updated!).firstReminderHours, sessionFormValues(updated!).secondReminderHours]).toEqual(['off', '2']);
  });

  it('confirm by email follows the visibility unless chosen, the per-network limit defaults to 10, and the form shows what is saved', async () => {
    const auto = { requireEmailConfirmation: 'auto', maxRegistrationsPerAddress: '10' };
    const [unlisted] = await submit(database, trainer, 'create', workshopId, { ...base, ...auto, visibility: 'unlisted' });
    const [listed] = await submit(database, trainer, 'create', workshopId, { ...base, ...auto });
    const [chosen] = await submit(database, trainer, 'create', workshopId, { ...base, visibility: 'unlisted', requireEmailConfirmation: 'off', maxRegistrationsPerAddress: '' });
    expect([unlisted!.requireEmailConfirmation, listed!.requireEmailConfirmation, chosen!.requireEmailConfirmation]).toEqual([true, false, false]);
    expect([unlisted!.maxRegistrationsPerAddress, chosen!.maxRegistrationsPerAddress]).toEqual([10, null]);
    const values = sessionFormValues(listed!);
    expect([values.requireEmailConfirmation, values.maxRegistrationsPerAddress]).toEqual(['off', '10']);
    const [updated] = await submit(database, trainer, 'update', listed!.id, {
      ...base,
      startsAt: values.startsAt,
      registrationOpensAt: values.registrationOpensAt,
      registrationClosesAt: values.registrationClosesAt,
      requireEmailConfirmation: 'on',
      maxRegistrationsPerAddress: '40',
    });
    expect([updated!.requireEmailConfirmation, updated!.maxRegistrationsPerAddress]).toEqual([true, 40]);
    expect(sessionFormValues(updated!).requireEmailConfirmation).toBe('on');
  });
});
