import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { TActor } from '@/lib/auth/actor';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { refusal } from '@/test/refusal';
import { createOfficer } from '@/test/registration-fixtures';
import { namedTrainer } from './_test/roster-fixture';
import { getCertificatePaper, setCertificatePaper } from './paper-setting';

describe.each(testDrivers)('the certificate paper setting on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: TActor;
  let other: TActor;
  let officer: TActor;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await namedTrainer(db, 'trainer@example.org', 'Jordan Okafor');
    other = await namedTrainer(db, 'other@example.org', 'Sam Lee');
    officer = await createOfficer(db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is A4 until a trainer chooses US Letter, for that trainer only', async () => {
    expect(await getCertificatePaper(db, trainer)).toBe('a4');
    expect(await setCertificatePaper(db, trainer, 'letter')).toBe('letter');
    expect(await getCertificatePaper(db, trainer)).toBe('letter');
    expect(await getCertificatePaper(db, other)).toBe('a4');
    await setCertificatePaper(db, trainer, 'a4');
    expect(await getCertificatePaper(db, trainer)).toBe('a4');
  });

  it('refuses another size with a message on the field, and anyone but a trainer', async () => {
    const wrong = await refusal(setCertificatePaper(db, trainer, 'legal'));
    expect(wrong.status).toBe(422);
    expect(wrong.fields?.paper).toBe('Choose A4 or US Letter.');
    expect((await refusal(setCertificatePaper(db, trainer, ''))).fields?.paper).toBeDefined();
    expect((await refusal(setCertificatePaper(db, officer, 'letter'))).status).toBe(403);
    expect((await refusal(setCertificatePaper(db, null, 'letter'))).status).toBe(401);
    expect((await refusal(getCertificatePaper(db, officer))).status).toBe(403);
  });
});
