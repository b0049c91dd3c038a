import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { agencies, auditLog, users } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { seedCertificate, seedRegistration, seedSession } from './_test/certificate-fixtures';
import { AGENCY_CSV_HEADER } from './agency-csv';
import { exportAgencyRecordsCsv } from './agency-export';
import { getAgencyRecords, listAgencyRegistrations } from './agency-records';
import { confirmAgencyClaim, listAgencyClaims, rejectAgencyClaim } from '@/lib/agencies/membership';
import { coordinatorAgency } from './coordinator-scope';

describe.each(testDrivers)('agency records on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let riverside: string;
  let hillcrest: string;
  let riversideCoordinator: TActor;
  let hillcrestCoordinator: TActor;
  let strangerClaim: string;

  async function agency(name: string, emailDomains: string[]) {
    const [row] = await db.insert(agencies).values({ name, kind: 'police_department', emailDomains }).returning({ id: agencies.id });
    return row!.id;
  }

  async function coordinator(email: string, agencyId: string | null): Promise<TActor> {
    const [row] = await db.insert(users).values({ email, role: 'coordinator', coordinatorAgencyId: agencyId }).returning({ id: users.id });
    return { id: row!.id, role: 'coordinator' };
  }

  /**
   * Two sessions run jointly with Riverside. Ana attended both (one certificate later revoked and
   * not replaced), Ben was absent, Cy cancelled: all at Riverside's domain. Hillcrest ran one with
   * Hal, and one years ago with Ana, whom Hillcrest confirmed as its officer then. Others typed
   * Riverside's name without being from it, or are Riverside's in a session not run with it.
   */
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    riverside = await agency('Riverside Police Department', ['riverside.example']);
    hillcrest = await agency('Hillcrest Sheriff’s Office', ['hillcrest.example']);
    riversideCoordinator = await coordinator('coord@riverside.example', riverside);
    hillcrestCoordinator = await coordinator('coord@hillcrest.example', hillcrest);

    const march = await seedSession(db, { workshopTitle: 'Trauma-informed interviewing', startsAt: new Date('2026-03-03T15:00:00Z'), partnerAgencyId: riverside });
    const may = await seedSession(db, { workshopTitle: 'Recognising signs of abuse', startsAt: new Date('2026-05-12T14:00:00Z'), partnerAgencyId: riverside });
    const ana = { name: 'Ana Silva', email: 'ana@riverside.example' };

    const anaMarch = await seedRegistration(db, march.sessionId, { ...ana, badgeNumber: '=1+2', attendance: 'attended' });
    await seedCertificate(db, march, { id: anaMarch, ...ana }, { hours: 3 });
    const anaMay = await seedRegistration(db, may.sessionId, { ...ana, attendance: 'partial', attendedHours: 1.5 });
    await seedCertificate(db, may, { id: anaMay, ...ana }, { hours: 1.5, revoked: { at: new Date('2026-05-20T12:00:00Z'), reason: 'Recorded in error' } });
    await seedRegistration(db, march.sessionId, { name: 'Ben Ode', email: 'ben@riverside.example', attendance: 'absent' });
    await seedRegistration(db, may.sessionId, { name: 'Cy Park', email: 'cy@riverside.example', status: 'cancelled' });

    const hillcrestMay = await seedSession(db, { workshopTitle: 'Interviewing for deputies', startsAt: new Date('2026-05-19T14:00:00Z'), partnerAgencyId: hillcrest });
    const halMay = await seedRegistration(db, hillcrestMay.sessionId, { name: 'Hal Grey', email: 'hal@hillcrest.example', attendance: 'attended' });
    await seedCertificate(db, hillcrestMay, { id: halMay, name: 'Hal Grey', email: 'hal@hillcrest.example' }, { hours: 3 });
    const anaEarlier = await seedSession(db, { workshopTitle: 'Talking with children', startsAt: new Date('2025-10-01T14:00:00Z'), partnerAgencyId: hillcrest });
    const anaHillcrest = await seedRegistration(db, anaEarlier.sessionId, { name: 'Ana Silva-Old', email: ana.email, claimedAgencyId: hillcrest, attendance: 'attended' });
    await seedCertificate(db, anaEarlier, { id: anaHillcrest, name: 'Ana Silva-Old', email: ana.email }, { hours: 7 });
    const hillcrestTrainer = await ensureTrainer(db, 'records-trainer@example.org');
    await confirmAgencyClaim(db, hillcrestTrainer, anaHillcrest);

    // Someone who typed no known agency belongs to no coordinator.
    await seedRegistration(db, march.sessionId, { name: 'Walk In', email: 'walkin@example.org', attendance: 'attended' });
    // Typing the agency's name is only a claim: it shows nothing to the coordinator.
    strangerClaim = await seedRegistration(db, march.sessionId, { name: 'Sly Stranger', email: 'sly@gmail.example', claimedAgencyId: riverside, badgeNumber: '9999' });
    // Riverside's officer in a session not run with Riverside: told nothing goes to an agency.
    const open = await seedSession(db, { workshopTitle: 'Open evening course', startsAt: new Date('2026-04-01T23:00:00Z') });
    await seedRegistration(db, open.sessionId, { name: 'Dee Open', email: 'dee@riverside.example', attendance: 'attended' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('shows a coordinator their agency’s sessions: registrations by status, attended, hours from valid certificates', async () => {
    const records = await getAgencyRecords(db, riversideCoordinator);
    expect(records.agency).toEqual({ id: riverside, name: 'Riverside Police Department' });
    expect(records.sessions.items).toEqual([
      {
        sessionId: expect.any(String),
        workshopTitle: 'Recognising signs of abuse',
        sessionDate: 'Tuesday 12 May 2026, 9:00–12:00 CDT',
        sessionStatus: 'scheduled',
        counts: { confirmed: 1, waitlisted: 0, pending_approval: 0, cancelled: 1 },
        attended: 1,
        hours: 0,
      },
      {
        sessionId: expect.any(String),
        workshopTitle: 'Trauma-informed interviewing',
        sessionDate: 'Tuesday 3 March 2026, 9:00–12:00 CST',
        sessionStatus: 'scheduled',
        counts: { confirmed: 2, waitlisted: 0, pending_approval: 0, cancelled: 0 },
        attended: 1,
        hours: 3,
      },
    ]);
  });

  it('shows each officer once, with sessions, attendance and valid hours earned with this agency only', async () => {
    const { officers } = await getAgencyRecords(db, riversideCoordinator);
    expect(officers.items).toEqual([
      { email: 'ana@riverside.example', name: 'Ana Silva', sessions: 2, attended: 2, hours: 3 },
      { email: 'ben@riverside.example', name: 'Ben Ode', sessions: 1, attended: 0, hours: 0 },
      { email: 'cy@riverside.example', name: 'Cy Park', sessions: 0, attended: 0, hours: 0 },
    ]);
  });

  it('never returns another agency’s officers, either way round', async () => {
    const riversideRows = await listAgencyRegistrations(db, riverside);
    expect(riversideRows.map((r) => r.email).sort()).toEqual(['ana@riverside.example', 'ana@riverside.example', 'ben@riverside.example', 'cy@riverside.example']);
    const riversideText = JSON.stringify(await getAgencyRecords(db, riversideCoordinator));
    for (const outsider of ['Hal Grey', 'hal@hillcrest.example', 'Walk In', 'Ana Silva-Old', 'Talking with children', 'Sly Stranger', '9999', 'Dee Open', 'Open evening course']) {
      expect(riversideText).not.toContain(outsider);
    }

    const hillcrestRecords = await getAgencyRecords(db, hillcrestCoordinator);
    expect(hillcrestRecords.officers.items).toEqual([
      { email: 'ana@riverside.example', name: 'Ana Silva-Old', sessions: 1, attended: 1, hours: 7 },
      { email: 'hal@hillcrest.example', name: 'Hal Grey', sessions: 1, attended: 1, hours: 3 },
    ]);
    const hillcrestText = JSON.stringify(hillcrestRecords);
    for (const outsider of ['Ben Ode', 'Cy Park', 'Walk In', 'Trauma-informed interviewing', 'Dee Open']) expect(hillcrestText).not.toContain(outsider);
  });

  it('pages sessions and officers a hundred at a time, counting each officer once, a page past the end showing the last', async () => {
    const lakeside = await agency('Lakeside Police', ['lakeside.example']);
    const lakesideCoordinator = await coordinator('coord@lakeside.example', lakeside);
    const sessions = [];
    for (let i = 0; i < 3; i++) {
      sessions.push(await seedSession(db, { workshopTitle: `Lakeside course ${i}`, startsAt: new Date(Date.UTC(2026, 6, 1 + i, 14)), partnerAgencyId: lakeside }));
    }
    const officers = Array.from({ length: 104 }, (_, i) => ({ name: `Officer ${String(i).padStart(3, '0')}`, email: `o${i}@lakeside.example` }));
    for (const [i, officer] of officers.entries()) await seedRegistration(db, sessions[i % 2]!.sessionId, { ...officer, attendance: 'attended' });
    // One officer twice, under a later name: counted once, with the name given last.
    await seedRegistration(db, sessions[2]!.sessionId, { name: 'Officer 000 (now Sergeant)', email: 'o0@lakeside.example' });

    const first = await getAgencyRecords(db, lakesideCoordinator);
    expect(first.officers).toMatchObject({ page: 1, pages: 2, first: 1, last: 100, total: 104 });
    expect(first.officers.items[0]).toEqual({ email: 'o0@lakeside.example', name: 'Officer 000 (now Sergeant)', sessions: 2, attended: 1, hours: 0 });
    expect(first.officers.items[1]!.name).toBe('Officer 001');
    expect(first.sessions).toMatchObject({ page: 1, pages: 1, total: 3 });
    expect(first.sessions.items.map((s) => [s.workshopTitle, s.counts.confirmed, s.attended])).toEqual([
      ['Lakeside course 2', 1, 0],
      ['Lakeside course 1', 52, 52],
      ['Lakeside course 0', 52, 52],
    ]);

    const second = await getAgencyRecords(db, lakesideCoordinator, { officers: '2' });
    expect(second.officers).toMatchObject({ page: 2, first: 101, last: 104 });
    expect(second.officers.items.map((o) => o.name)).toEqual(['Officer 100', 'Officer 101', 'Officer 102', 'Officer 103']);
    expect((await getAgencyRecords(db, lakesideCoordinator, { officers: '9' })).officers.items).toEqual(second.officers.items);
    expect((await getAgencyRecords(db, lakesideCoordinator, { officers: 'x' })).officers.page).toBe(1);
  });

  it('exports the agency’s registrations as defused CSV and writes the export to the audit log', async () => {
    const exported = await exportAgencyRecordsCsv(db, riversideCoordinator);
    expect(exported.filename).toBe('agency-training-riverside-police-department.csv');
    expect(exported.rows).toBe(4);
    const lines = exported.csv.slice(1).split('\r\n').filter(Boolean);
    expect(exported.csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(AGENCY_CSV_HEADER.join(','));
    expect(lines).toHaveLength(5);
    expect(lines).toContain('Ana Silva,ana@riverside.example,,Recognising signs of abuse,"Tuesday 12 May 2026, 9:00–12:00 CDT",America/Chicago,scheduled,confirmed,partial,revoked,');
    expect(lines).toContain(`Ana Silva,ana@riverside.example,'=1+2,Trauma-informed interviewing,"Tuesday 3 March 2026, 9:00–12:00 CST",America/Chicago,scheduled,confirmed,attended,valid,3`);
    expect(exported.csv).not.toContain('Hal Grey');
    expect(exported.csv).not.toContain('Walk In');

    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, riverside));
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: riversideCoordinator!.id,
        action: 'agency_records.exported',
        subjectType: 'agency',
        details: { format: 'csv', rows: 4, filename: 'agency-training-riverside-police-department.csv' },
      }),
    ]);
  });

  describe('claims by typed name', () => {
    it('lists a claim to the agency’s coordinator and trainers without showing it in the records, until confirmed', async () => {
      const claims = await listAgencyClaims(db, riversideCoordinator, riverside);
      expect(claims).toEqual([
        {
          registrationId: strangerClaim,
          name: 'Sly Stranger',
          email: 'sly@gmail.example',
          agencyAsGiven: '',
          workshopTitle: 'Trauma-informed interviewing',
          when: 'Tue 3 Mar, 9:00–12:00 CST',
        },
      ]);
      expect(JSON.stringify(claims)).not.toContain('9999');
      // Another agency's coordinator cannot see or decide it; nor can an officer.
      expect((await refusal(listAgencyClaims(db, hillcrestCoordinator, riverside))).status).toBe(403);
      expect((await refusal(confirmAgencyClaim(db, hillcrestCoordinator, strangerClaim))).status).toBe(403);
      expect((await refusal(rejectAgencyClaim(db, { id: 'someone', role: 'officer' }, strangerClaim))).status).toBe(403);
      expect((await refusal(confirmAgencyClaim(db, null, strangerClaim))).status).toBe(401);
    });

    it('confirming makes the address the agency’s officer everywhere the agency ran; rejecting clears the claim', async () => {
      const extra = await seedSession(db, { workshopTitle: 'Claims course', startsAt: new Date('2026-06-02T14:00:00Z'), partnerAgencyId: riverside });
      const first = await seedRegistration(db, extra.sessionId, { name: 'Max Claim', email: 'max@county.example', claimedAgencyId: riverside, attendance: 'attended' });
      const second = await seedRegistration(db, extra.sessionId, { name: 'Nia Claim', email: 'nia@county.example', claimedAgencyId: riverside });
      await confirmAgencyClaim(db, riversideCoordinator, first);
      await rejectAgencyClaim(db, riversideCoordinator, second);
      const emails = (await listAgencyRegistrations(db, riverside)).map((r) => r.email);
      expect(emails).toContain('max@county.example');
      expect(emails).not.toContain('nia@county.example');
      expect((await listAgencyClaims(db, riversideCoordinator, riverside)).map((c) => c.name)).toEqual(['Sly Stranger']);
      const decisions = await db.select().from(auditLog).where(eq(auditLog.subjectId, riverside));
      expect(decisions.map((d) => [d.action, d.personEmail]).filter(([action]) => action !== 'agency_records.exported')).toEqual(
        expect.arrayContaining([
          ['agency_member.confirmed', 'max@county.example'],
          ['agency_claim.rejected', 'nia@county.example'],
        ]),
      );
    });
  });

  describe('who may see agency records', () => {
    it('refuses strangers with 401', async () => {
      expect((await refusal(getAgencyRecords(db, null))).status).toBe(401);
      expect((await refusal(exportAgencyRecordsCsv(db, null))).status).toBe(401);
    });

    it('refuses officers and trainers with 403', async () => {
      const [officer] = await db.insert(users).values({ email: 'officer@riverside.example', coordinatorAgencyId: riverside }).returning({ id: users.id });
      const trainer = await ensureTrainer(db, 'trainer@example.org');
      for (const actor of [{ id: officer!.id, role: 'officer' as const }, trainer]) {
        expect((await refusal(getAgencyRecords(db, actor))).status).toBe(403);
        expect((await refusal(exportAgencyRecordsCsv(db, actor))).status).toBe(403);
      }
    });

    it('refuses a coordinator bound to no agency, and one whose role was taken away since signing in', async () => {
      const unbound = await coordinator('unbound@example.org', null);
      expect((await refusal(coordinatorAgency(db, unbound))).message).toMatch(/not linked to an agency/);
      const demoted = await coordinator('demoted@riverside.example', riverside);
      await db.update(users).set({ role: 'officer' }).where(eq(users.id, demoted!.id));
      expect((await refusal(getAgencyRecords(db, demoted))).status).toBe(403);
      const before = await db.select().from(auditLog).where(eq(auditLog.action, 'agency_records.exported'));
      await refusal(exportAgencyRecordsCsv(db, demoted));
      expect(await db.select().from(auditLog).where(eq(auditLog.action, 'agency_records.exported'))).toHaveLength(before.length);
    });
  });
});
