import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { auditLog, mailOutbox, registrations } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { cancelRegistration } from '@/lib/registrations/cancel';
import { registerForSession } from '@/lib/registrations/register';
import { hashManageToken } from '@/lib/registrations/tokens';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOfficer, createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { announceToSession } from './announce';
import { ROSTER_CSV_HEADER } from './csv';
import { exportRosterCsv } from './export';

describe.each(testDrivers)('the roster on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let officer: TActor;
  let workshopId: string;

  /** Two confirmed, one waiting, one who left the waitlist. */
  async function sessionWithEveryone(prefix: string) {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 2 });
    const register = (name: string) => registerForSession(db, null, sessionId, { name, email: `${prefix}-${name.toLowerCase()}@example.org` });
    const ana = await register('Ana');
    const ben = await register('Ben');
    const cy = await register('Cy');
    const dee = await register('Dee');
    await cancelRegistration(db, dee.id, { actor: trainer });
    return { sessionId, confirmed: [ana, ben], waiting: cy, cancelled: dee };
  }

  const announcementsOf = (sessionId: string) =>
    db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.sessionId, sessionId), eq(mailOutbox.template, 'session-announcement')));
  const auditOf = (sessionId: string) => db.select().from(auditLog).where(eq(auditLog.subjectId, sessionId));

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    officer = await createOfficer(db);
    workshopId = await createPublishedWorkshop(db, 'recognising-abuse', 'Recognising signs of abuse');
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('an announcement', () => {
    it('queues one email per confirmed person, none for the waitlist or those who cancelled, and records it', async () => {
      const { sessionId, confirmed, waiting, cancelled } = await sessionWithEveryone('announce');
      const result = await announceToSession(db, trainer, sessionId, { subject: ' Parking ', message: 'Use the visitor car park.\nThe main one is closed.' });
      expect(result).toEqual({ recipients: 2 });

      const mail = await announcementsOf(sessionId);
      expect(mail.map((m) => m.registrationId).sort()).toEqual(confirmed.map((r) => r.id).sort());
      expect(mail.map((m) => m.toAddress).sort()).toEqual(['announce-ana@example.org', 'announce-ben@example.org']);
      expect(mail.some((m) => m.registrationId === waiting.id || m.registrationId === cancelled.id)).toBe(false);
      const toAna = mail.find((m) => m.toAddress === 'announce-ana@example.org')!;
      expect(toAna.subject).toBe('Recognising signs of abuse: Parking');
      expect(toAna.props).toMatchObject({
        name: 'Ana',
        workshopTitle: 'Recognising signs of abuse',
        subject: 'Parking',
        message: 'Use the visitor car park.\nThe main one is closed.',
        sessionUrl: `http://localhost:3000/sessions/${sessionId}`,
      });
      expect(toAna.props.when).toMatch(/C[SD]T$/);
      // The link in the email opens this person's own registration.
      const token = new URL(String(toAna.props.manageUrl)).searchParams.get('token')!;
      const [owner] = await db.select({ id: registrations.id }).from(registrations).where(eq(registrations.manageTokenHash, hashManageToken(token)));
      expect(owner?.id).toBe(toAna.registrationId);

      const audit = await auditOf(sessionId);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actorId: trainer!.id,
        action: 'session.announced',
        subjectType: 'training_session',
        details: { subject: 'Parking', recipients: 2 },
      });
    });

    it('refuses an empty or too long subject or message beside the field, and queues nothing', async () => {
      const { sessionId } = await sessionWithEveryone('invalid');
      const empty = await refusal(announceToSession(db, trainer, sessionId, { subject: '  ', message: '' }));
      expect(empty.status).toBe(422);
      expect(empty.fields).toEqual({ subject: 'Write a subject.', message: 'Write the message.' });
      const long = await refusal(announceToSession(db, trainer, sessionId, { subject: 'x'.repeat(201), message: 'y'.repeat(5001) }));
      expect(long.fields).toEqual({
        subject: 'The subject can be at most 200 characters.',
        message: 'The message can be at most 5000 characters.',
      });
      const twoLines = await refusal(announceToSession(db, trainer, sessionId, { subject: 'Parking\nBcc: everyone', message: 'Hi' }));
      expect(twoLines.fields?.subject).toBe('Keep the subject on one line.');
      expect(await announcementsOf(sessionId)).toHaveLength(0);
      expect(await auditOf(sessionId)).toHaveLength(0);
    });

    it('refuses officers and strangers', async () => {
      const { sessionId } = await sessionWithEveryone('refused');
      const input = { subject: 'Hello', message: 'Hello' };
      expect((await refusal(announceToSession(db, officer, sessionId, input))).status).toBe(403);
      expect((await refusal(announceToSession(db, null, sessionId, input))).status).toBe(401);
      expect(await announcementsOf(sessionId)).toHaveLength(0);
    });

    it('says so when there is nobody confirmed, and for a session that is not there', async () => {
      const empty = await createOpenSession(db, workshopId);
      expect((await refusal(announceToSession(db, trainer, empty, { subject: 'Hi', message: 'Hi' }))).code).toBe('nobody_confirmed');
      expect((await refusal(announceToSession(db, trainer, crypto.randomUUID(), { subject: 'Hi', message: 'Hi' }))).status).toBe(404);
      expect((await refusal(announceToSession(db, trainer, 'not-a-uuid', { subject: 'Hi', message: 'Hi' }))).status).toBe(404);
    });
  });

  describe('the CSV export', () => {
    it('has everyone, in roster order, and writes who exported how many rows to the audit log', async () => {
      const { sessionId } = await sessionWithEveryone('export');
      const exported = await exportRosterCsv(db, trainer, sessionId);
      expect(exported.rows).toBe(4);
      expect(exported.filename).toMatch(/^roster-recognising-abuse-\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = exported.csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe(ROSTER_CSV_HEADER.join(','));
      expect(lines.slice(1).map((line) => line.split(',').slice(0, 4))).toEqual([
        ['confirmed', '', 'Ana', 'export-ana@example.org'],
        ['confirmed', '', 'Ben', 'export-ben@example.org'],
        ['waitlisted', '1', 'Cy', 'export-cy@example.org'],
        ['cancelled', '', 'Dee', 'export-dee@example.org'],
      ]);

      const audit = await auditOf(sessionId);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actorId: trainer!.id,
        action: 'roster.exported',
        subjectType: 'training_session',
        subjectId: sessionId,
        details: { format: 'csv', rows: 4, filename: exported.filename },
      });
    });

    it('refuses officers and strangers, and records nothing for them', async () => {
      const { sessionId } = await sessionWithEveryone('export-refused');
      expect((await refusal(exportRosterCsv(db, officer, sessionId))).status).toBe(403);
      expect((await refusal(exportRosterCsv(db, null, sessionId))).status).toBe(401);
      expect((await refusal(exportRosterCsv(db, trainer, crypto.randomUUID()))).status).toBe(404);
      expect(await auditOf(sessionId)).toHaveLength(0);
    });
  });
});
