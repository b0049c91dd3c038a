import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { auditLog, certificates, mailOutbox, trainingSessions } from '@/db/schema';
import type { TActor } from '@/lib/auth/actor';
import { renderMail } from '@/lib/mail/render';
import type { TOutgoingMail } from '@/lib/mail/transport';
import { createMailWorker } from '@/lib/mail/worker';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOfficer } from '@/test/registration-fixtures';
import { creditedWorkshop, namedTrainer, pastSession, seedRoster } from './_test/roster-fixture';
import { formatCertificateCode, normalizeCertificateCode } from './code';
import { certificatePdfAttachments } from './email-attachment';
import { sha256Hex } from './hash';
import { issueCertificates } from './issue';
import { mailDeliveryParts } from '@/lib/startup/mail-delivery-parts';
import { mailTemplates } from '@/lib/mail/templates';

describe.each(testDrivers)('issuing certificates on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let officer: TActor;
  let workshopId: string;
  let looseWorkshopId: string;

  const certificatesOf = (sessionId: string) => db.select().from(certificates).where(eq(certificates.sessionId, sessionId));
  const certificateMailOf = (sessionId: string) =>
    db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.sessionId, sessionId), eq(mailOutbox.template, 'certificate-issued')));

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await namedTrainer(db, 'trainer@example.org', 'Jordan Okafor', 'letter');
    officer = await createOfficer(db);
    workshopId = await creditedWorkshop(db, 'interviewing', { creditHours: 3, minimumCertificateHours: 1.5 });
    looseWorkshopId = await creditedWorkshop(db, 'interviewing-any-hours', { creditHours: 2, minimumCertificateHours: null });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('issues each attendee exactly one certificate when two issue at the same moment', async () => {
    const sessionId = await pastSession(db, workshopId);
    const attendees = Array.from({ length: 12 }, (_, i) => ({ name: `Attendee ${i + 1}`, attendance: 'attended' as const }));
    await seedRoster(db, sessionId, [...attendees, { name: 'Away Person', attendance: 'absent' }]);

    const [first, second] = await Promise.all([issueCertificates(db, trainer, sessionId), issueCertificates(db, trainer, sessionId)]);
    expect(first.issued.length + second.issued.length).toBe(12);
    // Whichever ran second found everyone certified.
    const later = first.issued.length === 0 ? first : second;
    expect(later).toEqual({ issued: [], alreadyIssued: 12 });

    const stored = await certificatesOf(sessionId);
    expect(stored).toHaveLength(12);
    expect(new Set(stored.map((c) => c.registrationId)).size).toBe(12);
    const issuedCodes = [...first.issued, ...second.issued].map((i) => i.code).sort();
    expect(issuedCodes).toEqual(stored.map((c) => formatCertificateCode(c.code)).sort());
    expect(issuedCodes.every((code) => /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/.test(code))).toBe(true);

    const again = await issueCertificates(db, trainer, sessionId);
    expect(again).toEqual({ issued: [], alreadyIssued: 12 });
    expect(await certificateMailOf(sessionId)).toHaveLength(12);

    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, sessionId), eq(auditLog.action, 'certificates.issued')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ issued: 12, alreadyIssued: 0, rosterClosed: true });
  });

  it('certifies attended and enough partial hours only, with every printed fact snapshotted', async () => {
    const sessionId = await pastSession(db, workshopId, { partnerAgency: 'Riverside Police Department' });
    const ids = await seedRoster(db, sessionId, [
      { name: 'Łukasz Żółć', attendance: 'attended' },
      { name: 'Nguyễn Thị Minh Khai', attendance: 'partial', hours: 2 },
      { name: 'Exactly Minimum', attendance: 'partial', hours: 1.5 },
      { name: 'Too Short', attendance: 'partial', hours: 1 },
      { name: 'Away Person', attendance: 'absent' },
      { name: 'Never Marked' },
      { name: 'Still Waiting', status: 'waitlisted', attendance: 'attended' },
      { name: 'Gone Away', status: 'cancelled', attendance: 'attended' },
    ]);
    const now = new Date('2030-01-15T18:30:00.000Z');
    const progress: [number, number][] = [];
    const result = await issueCertificates(db, trainer, sessionId, { now, onProgress: (done, total) => progress.push([done, total]) });

    expect(result.alreadyIssued).toBe(0);
    expect(result.issued.map((i) => i.registrationId).sort()).toEqual(
      [ids.get('Łukasz Żółć'), ids.get('Nguyễn Thị Minh Khai'), ids.get('Exactly Minimum')].sort(),
    );
    expect(progress).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);

    const stored = await certificatesOf(sessionId);
    const byName = new Map(stored.map((c) => [c.holderName, c]));
    expect([...byName.keys()].sort()).toEqual(['Exactly Minimum', 'Nguyễn Thị Minh Khai', 'Łukasz Żółć'].sort());
    expect(byName.get('Łukasz Żółć')!.hours).toBe(3);
    expect(byName.get('Nguyễn Thị Minh Khai')!.hours).toBe(2);
    expect(byName.get('Exactly Minimum')!.hours).toBe(1.5);
    const [session] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    expect(byName.get('Łukasz Żółć')).toMatchObject({
      holderEmail: expect.stringContaining('@example.org'),
      workshopTitle: 'Trauma-informed interviewing',
      sessionStartsAt: session!.startsAt,
      sessionEndsAt: session!.endsAt,
      timeZone: 'America/Chicago',
      creditCategory: 'POST continuing education',
      facilitators: 'Dr Ana Ruiz, Sam Lee',
      partnerAgency: 'Riverside Police Department',
      issuer: 'Jordan Okafor',
      issuerId: trainer!.id,
      paper: 'letter',
      issuedAt: now,
      revokedAt: null,
    });
    expect(session!.rosterClosedAt).toEqual(now);

    // The email thanks the facilitators by name and names the co-provider, as the certificate does.
    const mail = (await certificateMailOf(sessionId)).find((m) => m.registrationId === byName.get('Łukasz Żółć')!.registrationId)!;
    expect(mail.props).toMatchObject({ facilitators: 'Dr Ana Ruiz, Sam Lee', partnerAgency: 'Riverside Police Department' });
    const { text } = await renderMail(mail.template, mail.props);
    expect(text.replace(/\s+/g, ' ')).toContain(
      'The session was run jointly with Riverside Police Department, named on your certificate as co-provider. Our thanks to Dr Ana Ruiz, Sam Lee, who facilitated it.',
    );
  });

  it('queues one email per certificate, carrying its code, whose attachment is exactly the hashed PDF', async () => {
    const sessionId = await pastSession(db, workshopId);
    await seedRoster(db, sessionId, [
      { name: 'Zoë O’Brien-Ånström', email: 'zoe@example.org', attendance: 'attended' },
      { name: 'Sam Partial', email: 'sam@example.org', attendance: 'partial', hours: 2.25 },
      { name: 'Away Person', email: 'away@example.org', attendance: 'absent' },
    ]);
    const { issued } = await issueCertificates(db, trainer, sessionId);
    const mail = await certificateMailOf(sessionId);
    expect(mail.map((m) => m.toAddress).sort()).toEqual(['sam@example.org', 'zoe@example.org']);

    for (const message of mail) {
      const stored = (await certificatesOf(sessionId)).find((c) => c.registrationId === message.registrationId)!;
      expect(message.subject).toBe('Your certificate: Trauma-informed interviewing');
      expect(message.props).toMatchObject({
        name: stored.holderName,
        workshopTitle: 'Trauma-informed interviewing',
        hours: stored.hours,
        creditCategory: 'POST continuing education',
        code: formatCertificateCode(stored.code),
        verifyUrl: `http://localhost:3000/verify/${formatCertificateCode(stored.code)}`,
        myTrainingUrl: 'http://localhost:3000/me',
      });
      expect(message.certificateCode).toBe(stored.code);
      expect(message.props.when).toMatch(/C[SD]T$/);
      const { html, text } = await renderMail(message.template, message.props);
      expect(text).toContain(formatCertificateCode(stored.code));
      expect(text).toContain(stored.holderName);
      expect(html).toContain(`href="http://localhost:3000/verify/${formatCertificateCode(stored.code)}"`);
      expect(issued).toContainEqual({ code: formatCertificateCode(stored.code), registrationId: stored.registrationId });

      const attachments = await certificatePdfAttachments(db, message);
      expect(attachments).toHaveLength(1);
      const [pdf] = attachments;
      expect(pdf!.filename).toBe(`certificate-${formatCertificateCode(stored.code)}.pdf`);
      expect(pdf!.contentType).toBe('application/pdf');
      const bytes = pdf!.content as Buffer;
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(new Uint8Array(bytes)).toEqual(stored.pdf);
      expect(sha256Hex(stored.pdf)).toBe(stored.pdfSha256);
    }
  });

  it('attaches the PDF stored at issue, not a new rendering of the record', async () => {
    const sessionId = await pastSession(db, workshopId);
    await seedRoster(db, sessionId, [{ name: 'Stored Bytes', email: 'stored-bytes@example.org', attendance: 'attended' }]);
    await issueCertificates(db, trainer, sessionId);
    const [stored] = await certificatesOf(sessionId);
    // Stands for a file issued under another APP_URL or zone database: rendering now would differ.
    const issuedFile = new TextEncoder().encode('%PDF-1.7\n% as issued elsewhere\n');
    await db.update(certificates).set({ pdf: issuedFile }).where(eq(certificates.id, stored!.id));
    const [message] = await certificateMailOf(sessionId);
    const [pdf] = await certificatePdfAttachments(db, message!);
    expect(new Uint8Array(pdf!.content as Buffer)).toEqual(issuedFile);
  });

  it('delivers each certificate email with its PDF attached, as the mail worker sends it', async () => {
    const sessionId = await pastSession(db, workshopId);
    await seedRoster(db, sessionId, [{ name: 'Delivered Person', email: 'delivered@example.org', attendance: 'attended' }]);
    await issueCertificates(db, trainer, sessionId);
    const sent: TOutgoingMail[] = [];
    const transport = { kind: 'smtp' as const, send: async (message: TOutgoingMail) => void sent.push(message), close() {} };
    const worker = createMailWorker({ parts: mailDeliveryParts, db, transport, from: 'Muster <no-reply@muster.test>', log: { warn() {}, error() {} } });
    await worker.runOnce();
    const mine = sent.filter((m) => m.to === 'delivered@example.org');
    expect(mine).toHaveLength(1);
    const [stored] = await certificatesOf(sessionId);
    const pdfs = (mine[0]!.attachments ?? []).filter((a) => a.contentType === 'application/pdf');
    expect(pdfs.map((a) => a.filename)).toEqual([`certificate-${formatCertificateCode(stored!.code)}.pdf`]);
    expect(sha256Hex(pdfs[0]!.content as Buffer)).toBe(stored!.pdfSha256);
  });

  it('declares the PDF for the certificate email only', () => {
    const withPdf = Object.entries(mailTemplates).filter(([, template]) => template.parts.includes('certificate-pdf'));
    expect(withPdf.map(([name]) => name)).toEqual(['certificate-issued']);
  });

  it('counts any recorded partial hours when the workshop sets no minimum', async () => {
    const sessionId = await pastSession(db, looseWorkshopId);
    const ids = await seedRoster(db, sessionId, [
      { name: 'Half Hour', attendance: 'partial', hours: 0.5 },
      { name: 'Zero Hours', attendance: 'partial', hours: 0 },
      { name: 'No Hours', attendance: 'partial', hours: null },
    ]);
    const result = await issueCertificates(db, trainer, sessionId);
    expect(result.issued.map((i) => i.registrationId)).toEqual([ids.get('Half Hour')]);
    expect((await certificatesOf(sessionId))[0]!.hours).toBe(0.5);
  });

  it('closes the roster even when nobody earns a certificate', async () => {
    const sessionId = await pastSession(db, workshopId);
    await seedRoster(db, sessionId, [{ name: 'Away Person', attendance: 'absent' }]);
    expect(await issueCertificates(db, trainer, sessionId)).toEqual({ issued: [], alreadyIssued: 0 });
    const [session] = await db.select({ closed: trainingSessions.rosterClosedAt }).from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    expect(session!.closed).toBeInstanceOf(Date);
  });

  it('refuses a session that has not started or was cancelled, leaving the roster open', async () => {
    const upcoming = await pastSession(db, workshopId, { startedHoursAgo: -2 });
    await seedRoster(db, upcoming, [{ name: 'Early Bird', attendance: 'attended' }]);
    const notYet = await refusal(issueCertificates(db, trainer, upcoming));
    expect(notYet.status).toBe(409);
    expect(notYet.code).toBe('session_not_started');
    expect(notYet.message).toMatch(/has not started yet/);

    const cancelled = await pastSession(db, workshopId);
    await db.update(trainingSessions).set({ status: 'cancelled' }).where(eq(trainingSessions.id, cancelled));
    const refused = await refusal(issueCertificates(db, trainer, cancelled));
    expect(refused.status).toBe(409);
    expect(refused.code).toBe('session_cancelled');

    const rows = await db
      .select({ closed: trainingSessions.rosterClosedAt })
      .from(trainingSessions)
      .where(inArray(trainingSessions.id, [upcoming, cancelled]));
    expect(rows.every((r) => r.closed === null)).toBe(true);
    expect(await certificatesOf(upcoming)).toHaveLength(0);
  });

  it('refuses officers and strangers, and answers 404 for an unknown session', async () => {
    const sessionId = await pastSession(db, workshopId);
    await seedRoster(db, sessionId, [{ name: 'Attendee', attendance: 'attended' }]);
    expect((await refusal(issueCertificates(db, officer, sessionId))).status).toBe(403);
    expect((await refusal(issueCertificates(db, null, sessionId))).status).toBe(401);
    expect((await refusal(issueCertificates(db, trainer, '00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await refusal(issueCertificates(db, trainer, 'not-a-uuid'))).status).toBe(404);
    expect(await certificatesOf(sessionId)).toHaveLength(0);
  });

  it('issues a roster of 300 in a few multi-row statements, reporting progress all the way', async () => {
    const sessionId = await pastSession(db, workshopId);
    await seedRoster(
      db,
      sessionId,
      Array.from({ length: 300 }, (_, i) => ({ name: `Officer ${String(i).padStart(3, '0')}`, attendance: 'attended' as const })),
    );
    let last: [number, number] = [0, 0];
    let calls = 0;
    const result = await issueCertificates(db, trainer, sessionId, {
      onProgress: (done, total) => {
        expect(done).toBeGreaterThanOrEqual(last[0]);
        last = [done, total];
        calls += 1;
      },
    });
    expect(result.issued).toHaveLength(300);
    expect(last).toEqual([300, 300]);
    expect(calls).toBe(301);
    expect(new Set(result.issued.map((i) => normalizeCertificateCode(i.code))).size).toBe(300);
    expect(await certificateMailOf(sessionId)).toHaveLength(300);
  });
});
