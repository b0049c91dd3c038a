import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import { attendanceOfSession, getCheckInSheet } from '@/lib/attendance/check-in-sheet';
import { checkInByToken } from '@/lib/attendance/check-in-by-token';
import { checkInTokenFor } from '@/lib/attendance/check-in-link';
import { recordAttendance } from '@/lib/attendance/record';
import { addWalkIn } from '@/lib/attendance/walk-in';
import type { TActor } from '@/lib/auth/actor';
import type { TInviteSpec } from '@/lib/calendar/invite-spec';
import { issueCertificates } from '@/lib/certificates/issue';
import { reissueCertificate, revokeCertificate } from '@/lib/certificates/revoke';
import { listSessionCertificates } from '@/lib/certificates/session-certificates';
import { cancelRegistration } from '@/lib/registrations/cancel';
import { promoteRegistration } from '@/lib/registrations/promote';
import { listRegistrationsForTrainer } from '@/lib/registrations/queries';
import { registerForSession } from '@/lib/registrations/register';
import { announceToSession } from '@/lib/roster/announce';
import { exportRosterCsv } from '@/lib/roster/export';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOfficer, createPublishedWorkshop, outboxFor } from '@/test/registration-fixtures';
import { cancelSession } from './cancel-session';
import { getSessionForStaff, listCoFacilitatedSessions, staffRoleIn } from './session-staff';
import { createSession, getSessionForTrainer, updateSession } from './sessions';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(testDrivers)('co-facilitators on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: NonNullable<TActor>;
  let coFacilitator: NonNullable<TActor>;
  let stranger: NonNullable<TActor>;
  let workshopId: string;

  async function newSession(startsAt: number, facilitators: { name: string; email: string }[]) {
    const created = await createSession(db, trainer, workshopId, {
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3 * HOUR).toISOString(),
      timeZone: 'America/Chicago',
      capacity: 20,
      venue: { name: 'Training Room 2', address: '100 Main Street' },
      facilitators,
    });
    return created.id;
  }

  async function invitesTo(sessionId: string, email: string) {
    const mail = await outboxFor(db, sessionId, ['co-facilitator-invite']);
    return mail
      .filter((m) => m.toAddress.toLowerCase() === email.toLowerCase())
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((m) => ({ kind: m.props.kind as string, subject: m.subject, invite: m.props.invite as TInviteSpec, props: m.props }));
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'lead@example.org');
    // Signs in with a different case than the trainer typed: an address is one address.
    coFacilitator = (await createOfficer(db, 'sgt.whitfield@riverside.gov'))!;
    stranger = (await createOfficer(db, 'someone@example.org'))!;
    workshopId = await createPublishedWorkshop(db, 'co-run', 'Joint interviewing');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('sends each co-facilitator their own invite, updates it when the session moves, and cancels it for anyone taken off', async () => {
    const startsAt = Date.now() + 10 * DAY;
    const sessionId = await newSession(startsAt, [
      { name: 'Sgt. Dana Whitfield', email: 'Sgt.Whitfield@riverside.gov' },
      { name: 'Sam Lee', email: 'sam@example.org' },
      { name: 'No Email', email: '' },
    ]);
    const dana = await invitesTo(sessionId, 'Sgt.Whitfield@riverside.gov');
    const sam = await invitesTo(sessionId, 'sam@example.org');
    expect(dana.map((m) => m.kind)).toEqual(['added']);
    expect(dana[0]!.subject).toMatch(/^You co-facilitate: Joint interviewing, /);
    expect(dana[0]!.props.rosterUrl).toMatch(new RegExp(`/trainer/sessions/${sessionId}$`));
    expect(dana[0]!.invite).toMatchObject({ method: 'REQUEST', sequence: 0, attendee: { name: 'Sgt. Dana Whitfield', email: 'Sgt.Whitfield@riverside.gov' } });
    // Two people, two calendar events: nobody's update replaces someone else's.
    expect(dana[0]!.invite.uid).not.toBe(sam[0]!.invite.uid);
    expect(dana[0]!.invite.uid).toMatch(/^co-facilitator-/);

    // An officer's invite for the same session is another event again.
    const officer = await registerForSession(db, null, sessionId, { name: 'Officer One', email: 'one@example.org' });
    const [confirmation] = await outboxFor(db, sessionId, ['registration-confirmed']);
    expect((confirmation!.props.invite as TInviteSpec).uid).not.toBe(dana[0]!.invite.uid);
    expect(officer.status).toBe('confirmed');

    // Moved a day: both get the update to their own event, once.
    const moved = startsAt + DAY;
    await updateSession(db, trainer, sessionId, { startsAt: new Date(moved).toISOString(), endsAt: new Date(moved + 3 * HOUR).toISOString() });
    const afterMove = await invitesTo(sessionId, 'Sgt.Whitfield@riverside.gov');
    expect(afterMove.map((m) => m.kind)).toEqual(['added', 'changed']);
    expect(afterMove[1]!.invite).toMatchObject({ method: 'REQUEST', uid: dana[0]!.invite.uid, sequence: 1, startsAt: new Date(moved).toISOString() });
    expect(afterMove[1]!.props.previousWhen).toBe(dana[0]!.props.when);

    // A save that changes nothing about time or place sends nothing.
    await updateSession(db, trainer, sessionId, { capacity: 25 });
    expect(await invitesTo(sessionId, 'Sgt.Whitfield@riverside.gov')).toHaveLength(2);

    // Sam is taken off, Kim added, Dana kept (typed in another case): only Sam and Kim hear of it.
    await updateSession(db, trainer, sessionId, {
      facilitators: [
        { name: 'Sgt. Dana Whitfield', email: 'sgt.whitfield@riverside.gov' },
        { name: 'Kim Park', email: 'kim@example.org' },
      ],
    });
    expect((await invitesTo(sessionId, 'Sgt.Whitfield@riverside.gov')).map((m) => m.kind)).toEqual(['added', 'changed']);
    const samNow = await invitesTo(sessionId, 'sam@example.org');
    expect(samNow.map((m) => m.kind)).toEqual(['added', 'changed', 'removed']);
    expect(samNow[2]!.invite).toMatchObject({ method: 'CANCEL', uid: sam[0]!.invite.uid, sequence: 2 });
    expect((await invitesTo(sessionId, 'kim@example.org')).map((m) => m.kind)).toEqual(['added']);

    // Cancelled: every co-facilitator still listed gets the CANCEL with the trainer's message.
    await cancelSession(db, trainer, sessionId, { message: 'The room flooded.' });
    const danaFinal = await invitesTo(sessionId, 'Sgt.Whitfield@riverside.gov');
    expect(danaFinal.map((m) => m.kind)).toEqual(['added', 'changed', 'cancelled']);
    expect(danaFinal[2]!.invite).toMatchObject({ method: 'CANCEL', uid: dana[0]!.invite.uid, sequence: 2 });
    expect(danaFinal[2]!.props.message).toBe('The room flooded.');
    expect((await invitesTo(sessionId, 'kim@example.org')).map((m) => m.kind)).toEqual(['added', 'cancelled']);
    expect((await invitesTo(sessionId, 'sam@example.org')).map((m) => m.kind)).toEqual(['added', 'changed', 'removed']);
  });

  it('cancels the invite of someone taken off in the save that cancels the session, and says nothing more after', async () => {
    const startsAt = Date.now() + 12 * DAY;
    const sessionId = await newSession(startsAt, [
      { name: 'Kept On', email: 'kept@example.org' },
      { name: 'Taken Off', email: 'off@example.org' },
    ]);
    await updateSession(db, trainer, sessionId, { status: 'cancelled', facilitators: [{ name: 'Kept On', email: 'kept@example.org' }] });
    for (const email of ['kept@example.org', 'off@example.org']) {
      const mail = await invitesTo(sessionId, email);
      expect(mail.map((m) => m.kind), email).toEqual(['added', 'cancelled']);
      expect(mail[1]!.invite).toMatchObject({ method: 'CANCEL', uid: mail[0]!.invite.uid, sequence: 1 });
    }
    // Editing the cancelled session tells nobody again; putting it back on sends the invite anew.
    await updateSession(db, trainer, sessionId, { venue: { name: 'Another room', address: '2 Main Street' } });
    expect((await invitesTo(sessionId, 'kept@example.org')).map((m) => m.kind)).toEqual(['added', 'cancelled']);
    await updateSession(db, trainer, sessionId, { status: 'scheduled' });
    const back = await invitesTo(sessionId, 'kept@example.org');
    expect(back.map((m) => m.kind)).toEqual(['added', 'cancelled', 'added']);
    expect(back[2]!.invite).toMatchObject({ method: 'REQUEST', uid: back[0]!.invite.uid });
    expect(back[2]!.invite.sequence).toBeGreaterThan(back[1]!.invite.sequence);
  });

  it('refuses the same address twice among co-facilitators, beside the second', async () => {
    const error = await refusal(newSession(Date.now() + 13 * DAY, [
      { name: 'Once', email: 'twice@example.org' },
      { name: 'Twice', email: 'TWICE@example.org' },
    ]));
    expect(error.status).toBe(422);
    expect(error.fields).toHaveProperty(['facilitators.1.email']);
  });

  it('says where a session was when only its place changed', async () => {
    const sessionId = await newSession(Date.now() + 14 * DAY, [{ name: 'Dana', email: 'dana.place@example.org' }]);
    await updateSession(db, trainer, sessionId, { venue: { name: 'Hall B', address: '3 Main Street' } });
    const [, changed] = await invitesTo(sessionId, 'dana.place@example.org');
    expect(changed!.kind).toBe('changed');
    expect(changed!.props.previousWhen).toMatch(/, Training Room 2, 100 Main Street$/);
    expect(changed!.props.where).toBe('Hall B, 3 Main Street');
  });

  it('lets a co-facilitator read the roster and take attendance of their session, and nothing else', async () => {
    const theirs = await newSession(Date.now() + 5 * DAY, [{ name: 'Sgt. Dana Whitfield', email: 'SGT.Whitfield@Riverside.gov' }]);
    const other = await newSession(Date.now() + 6 * DAY, [{ name: 'Sam Lee', email: 'sam@example.org' }]);
    const ana = await registerForSession(db, null, theirs, { name: 'Ana Ruiz', email: 'ana@example.org' });
    const bo = await registerForSession(db, null, other, { name: 'Bo Chen', email: 'bo@example.org' });
    const atTheDoor = new Date(Date.now() + 5 * DAY + HOUR);

    expect(await staffRoleIn(db, coFacilitator, theirs)).toBe('co_facilitator');
    expect(await staffRoleIn(db, coFacilitator, other)).toBeNull();
    expect(await staffRoleIn(db, trainer, other)).toBe('trainer');
    expect(await staffRoleIn(db, stranger, theirs)).toBeNull();

    const roster = await listRegistrationsForTrainer(db, coFacilitator, theirs);
    expect(roster.map((entry) => entry.name)).toEqual(['Ana Ruiz']);
    expect((await getSessionForStaff(db, coFacilitator, theirs)).workshopTitle).toBe('Joint interviewing');
    const sheet = await getCheckInSheet(db, coFacilitator, theirs, atTheDoor);
    expect(sheet.people.map((p) => p.name)).toEqual(['Ana Ruiz']);
    const recorded = await recordAttendance(db, coFacilitator, ana.id, { status: 'attended' }, atTheDoor);
    expect(recorded.registration.attendance).toBe('attended');
    expect(await listCoFacilitatedSessions(db, coFacilitator)).toContainEqual(expect.objectContaining({ sessionId: theirs, cancelled: false }));
    expect((await listCoFacilitatedSessions(db, coFacilitator)).map((s) => s.sessionId)).not.toContain(other);

    // Another session's people: refused, the same as for a stranger, whether or not the session exists.
    for (const actor of [coFacilitator, stranger]) {
      expect((await refusal(listRegistrationsForTrainer(db, actor, other))).status).toBe(403);
      expect((await refusal(getCheckInSheet(db, actor, other, atTheDoor))).status).toBe(403);
      expect((await refusal(getSessionForStaff(db, actor, other))).status).toBe(403);
      expect((await refusal(recordAttendance(db, actor, bo.id, { status: 'attended' }, atTheDoor))).status).toBe(403);
      expect((await refusal(recordAttendance(db, actor, '00000000-0000-4000-8000-000000000000', { status: 'attended' }))).status).toBe(403);
      expect((await refusal(getCheckInSheet(db, actor, '00000000-0000-4000-8000-000000000000'))).status).toBe(403);
    }
    expect((await refusal(getCheckInSheet(db, stranger, theirs))).status).toBe(403);

    // Every other trainer operation on their own session stays with trainers.
    const refusals = [
      () => getSessionForTrainer(db, coFacilitator, theirs),
      () => updateSession(db, coFacilitator, theirs, { capacity: 30 }),
      () => cancelSession(db, coFacilitator, theirs, { message: 'no' }),
      () => exportRosterCsv(db, coFacilitator, theirs),
      () => announceToSession(db, coFacilitator, theirs, { subject: 'Hi', body: 'Hello' }),
      () => addWalkIn(db, coFacilitator, theirs, { name: 'Walk In', email: 'walk@example.org' }),
      () => listSessionCertificates(db, coFacilitator, theirs),
      () => issueCertificates(db, coFacilitator, theirs),
      () => attendanceOfSession(db, coFacilitator, theirs),
      () => promoteRegistration(db, coFacilitator, ana.id),
      () => cancelRegistration(db, ana.id, { actor: coFacilitator }),
      () => registerForSession(db, coFacilitator, theirs, { name: 'Extra', email: 'extra@example.org' }, { allowOverbook: true }),
      () => revokeCertificate(db, coFacilitator, 'ABCD-EFGH-JKLM-NPQR', 'Issued by mistake'),
      () => reissueCertificate(db, coFacilitator, 'ABCD-EFGH-JKLM-NPQR', { holderName: 'Someone', reason: 'Name spelt wrong' }),
    ];
    // One at a time, so an operation wrongly allowed cannot run beside the others.
    for (const [i, attempt] of refusals.entries()) expect((await refusal(attempt())).status, `operation ${i}`).toBe(403);
    expect((await listRegistrationsForTrainer(db, trainer, theirs)).map((e) => [e.name, e.status])).toEqual([['Ana Ruiz', 'confirmed']]);
  });

  it('lets a co-facilitator check people in by QR code for their session only', async () => {
    // Checked in as at a time after the start: sessions are not created in the past.
    const theirs = await newSession(Date.now() + DAY, [{ name: 'Sgt. Dana Whitfield', email: 'sgt.whitfield@riverside.gov' }]);
    const other = await newSession(Date.now() + DAY, []);
    const ana = await registerForSession(db, null, theirs, { name: 'Ana Ruiz', email: 'ana.qr@example.org' });
    const bo = await registerForSession(db, null, other, { name: 'Bo Chen', email: 'bo.qr@example.org' });
    const now = new Date(Date.now() + DAY + HOUR);
    expect(await checkInByToken(db, coFacilitator, checkInTokenFor(ana.id), 'scan', now)).toMatchObject({ kind: 'marked', name: 'Ana Ruiz' });
    expect(await checkInByToken(db, coFacilitator, checkInTokenFor(bo.id), 'scan', now)).toEqual({ kind: 'not_trainer' });
    expect(await checkInByToken(db, stranger, checkInTokenFor(ana.id), 'scan', now)).toEqual({ kind: 'not_trainer' });
    expect((await listRegistrationsForTrainer(db, trainer, other)).map((e) => e.name)).toEqual(['Bo Chen']);
  });
});
