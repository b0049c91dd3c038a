import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { readPdf } from '@/test/pdf-text';
import { seedCertified } from './_test/certificate-fixtures';
import { getMyTrainingRecord, myTrainingCsv, myTranscriptPdf } from './my-training';
import { TRAINING_CSV_HEADER } from './training-csv';

describe.each(testDrivers)('My training records on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  const khai = { name: 'Nguyễn Thị Minh Khai', email: 'khai@example.org' };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    // New Year's Eve in Chicago is already 2026 in UTC: it counts for 2025, where it was held.
    await seedCertified(db, khai, {
      workshopTitle: 'Recognising signs of abuse',
      startsAt: new Date('2026-01-01T02:00:00Z'),
      hours: 2,
      creditCategory: 'POST continuing education',
    });
    await seedCertified(db, khai, { workshopTitle: 'Trauma-informed interviewing', startsAt: new Date('2026-03-03T15:00:00Z'), hours: 3.5, creditCategory: 'POST continuing education' });
    await seedCertified(db, khai, { workshopTitle: 'Talking with children', startsAt: new Date('2026-05-12T14:00:00Z'), hours: 1.25, creditCategory: 'Victim support' });
    await seedCertified(db, khai, {
      workshopTitle: '=Revoked workshop',
      startsAt: new Date('2026-06-02T14:00:00Z'),
      hours: 6,
      creditCategory: 'Victim support',
      revoked: { at: new Date('2026-06-10T12:00:00Z'), reason: 'Recorded in error' },
    });
    // Someone else's hours never reach this person's record.
    await seedCertified(db, { name: 'Ben Ode', email: 'ben@example.org' }, { hours: 40, creditCategory: 'POST continuing education' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lists the holder’s certificates, newest session first, revoked ones marked; the email in any case', async () => {
    const { certificates } = await getMyTrainingRecord(db, '  KHAI@Example.org ');
    expect(certificates.map((c) => [c.workshopTitle, c.status, c.year])).toEqual([
      ['=Revoked workshop', 'revoked', 2026],
      ['Talking with children', 'valid', 2026],
      ['Trauma-informed interviewing', 'valid', 2026],
      ['Recognising signs of abuse', 'valid', 2025],
    ]);
    expect(certificates[0]).toMatchObject({ revokedAt: '2026-06-10T12:00:00.000Z', revokedReason: 'Recorded in error' });
    expect(certificates[3]!.sessionDate).toBe('Wednesday 31 December 2025, 20:00–23:00 CST');
  });

  it('totals valid hours by year (where the session was held) and by credit category', async () => {
    const { ledger } = await getMyTrainingRecord(db, khai.email);
    expect(ledger).toEqual({
      years: [
        {
          year: 2026,
          categories: [
            { category: 'POST continuing education', hours: 3.5 },
            { category: 'Victim support', hours: 1.25 },
          ],
          total: 4.75,
        },
        { year: 2025, categories: [{ category: 'POST continuing education', hours: 2 }], total: 2 },
      ],
      categories: [
        { category: 'POST continuing education', hours: 5.5 },
        { category: 'Victim support', hours: 1.25 },
      ],
      total: 6.75,
    });
  });

  it('has nothing for an address with no certificates', async () => {
    expect(await getMyTrainingRecord(db, 'nobody@example.org')).toEqual({ certificates: [], ledger: { years: [], categories: [], total: 0 } });
    expect((await getMyTrainingRecord(db, '')).certificates).toEqual([]);
  });

  it('exports one CSV row per certificate of this holder, defused', async () => {
    const { filename, csv } = await myTrainingCsv(db, { email: khai.email, name: null });
    expect(filename).toBe('muster-training-record.csv');
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(TRAINING_CSV_HEADER.join(','));
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`,'=Revoked workshop,`);
    expect(lines[1]).toContain(',revoked,');
    expect(lines[2]).toContain('Talking with children');
    expect(csv).not.toContain('Ben Ode');
  });

  it('prints a one-page transcript with the holder’s name, valid certificates, hours per category and the total', async () => {
    const now = new Date('2026-07-01T10:30:00Z');
    const { filename, pdf } = await myTranscriptPdf(db, { email: khai.email, name: 'Khai' }, now);
    expect(filename).toBe('muster-training-transcript.pdf');
    const { pages, text } = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    expect(text).toContain('Nguyễn Thị Minh Khai');
    expect(text).toContain('Generated 1 July 2026, 10:30 UTC');
    expect(text).toMatch(/Total\s*6\.75/);
    expect(text).toMatch(/POST continuing education\s*5\.5/);
    expect(text).toMatch(/Victim support\s*1\.25/);
    expect(text).toContain('Talking with children');
    expect(text).not.toContain('Revoked workshop');
    expect(text).not.toContain('Ben Ode');
  });

  it('gives the same bytes for the same moment: only the generated date varies', async () => {
    const now = new Date('2026-07-01T10:30:00Z');
    const first = await myTranscriptPdf(db, { email: khai.email, name: null }, now);
    const second = await myTranscriptPdf(db, { email: khai.email, name: null }, now);
    expect(Buffer.from(second.pdf).equals(Buffer.from(first.pdf))).toBe(true);
  });

  it('prints the account’s name, or the address, for someone with no certificates yet', async () => {
    const { pdf } = await myTranscriptPdf(db, { email: 'new@example.org', name: 'Zoë O’Brien-Ånström' });
    const text = (await readPdf(pdf)).text;
    expect(text).toContain('Zoë O’Brien-Ånström');
    expect(text).toContain('No certificates yet.');
    expect(text).toMatch(/Total\s*0/);
  });
});
