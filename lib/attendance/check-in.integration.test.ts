import { createRequire } from 'node:module';
import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { mailOutbox, registrations, trainingSessions, users } from '@/db/schema';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { getEnv } from '@/lib/config/env';
import { renderMail } from '@/lib/mail/render';
import { cancelRegistration } from '@/lib/registrations/cancel';
import { registerForSession } from '@/lib/registrations/register';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { createOfficer, createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { checkInByToken } from './check-in-by-token';
import { checkInTokenFor, checkInUrlFor, registrationIdFromCheckInToken } from './check-in-link';
import { checkInQrAttachments } from './check-in-qr-attachment';
import { recordAttendance } from './record';

const HOUR = 60 * 60 * 1000;

// pngjs is what qrcode draws its PNGs with; reading one back shows the picture is the right code.
type TPng = { width: number; height: number; data: Buffer };
const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(buffer: Buffer): TPng } } };

describe.each(testDrivers)('checking in by QR code on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: NonNullable<TActor>;
  let officer: TActor;
  let coordinator: TActor;
  let workshopId: string;
  let counter = 0;

  async function placeIn(sessionId: string, name = `Person ${++counter}`) {
    return registerForSession(db, trainer, sessionId, { name, email: `qr-${++counter}@example.org` }, { allowOutsideWindow: true });
  }
  const confirmationOf = async (registrationId: string) =>
    (
      await db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.registrationId, registrationId), eq(mailOutbox.template, 'registration-confirmed')))
    )[0]!;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    trainer = await ensureTrainer(db, 'trainer@example.org');
    officer = await createOfficer(db);
    const [c] = await db.insert(users).values({ email: 'coordinator@example.org', role: 'coordinator' }).returning({ id: users.id, role: users.role });
    coordinator = { id: c!.id, role: c!.role };
    workshopId = await createPublishedWorkshop(db, 'recognising-abuse', 'Recognising signs of abuse');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('puts the check-in link in every confirmation, and the link leads back to that registration', async () => {
    const sessionId = await createOpenSession(db, workshopId, { capacity: 1 });
    const first = await registerForSession(db, null, sessionId, { name: 'First', email: 'first@example.org' });
    const second = await registerForSession(db, null, sessionId, { name: 'Second', email: 'second@example.org' });
    expect(second.status).toBe('waitlisted');
    const url = (await confirmationOf(first.id)).props.checkInUrl as string;
    expect(url).toBe(checkInUrlFor(first.id));
    expect(url.startsWith(`${getEnv().APP_URL.replace(/\/+$/, '')}/check-in/${first.id}.`)).toBe(true);
    expect(registrationIdFromCheckInToken(decodeURIComponent(url.split('/check-in/')[1]!))).toBe(first.id);

    // A place freed on the waitlist is confirmed with its own code.
    await cancelRegistration(db, first.id, { actor: trainer });
    const promoted = await confirmationOf(second.id);
    expect(promoted.props).toMatchObject({ reason: 'promoted', checkInUrl: checkInUrlFor(second.id) });
  });

  it('refuses tokens Muster did not make', async () => {
    const sessionId = await createOpenSession(db, workshopId, { startsAt: new Date(Date.now() - HOUR) });
    const place = await placeIn(sessionId);
    const good = checkInTokenFor(place.id);
    const [id, mac] = good.split('.') as [string, string];
    const other = await placeIn(sessionId);
    const forged = [
      '',
      'nonsense',
      id,
      `${id}.`,
      `${id}.${mac.slice(0, -1)}`,
      `${id}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      `${other.id}.${mac}`,
      `not-a-uuid.${mac}`,
    ];
    for (const token of forged) {
      expect(registrationIdFromCheckInToken(token), token).toBeUndefined();
      expect(await checkInByToken(db, trainer, token, 'scan'), token).toEqual({ kind: 'not_found' });
      expect(await checkInByToken(db, null, token, 'scan'), token).toEqual({ kind: 'not_found' });
    }
    expect((await db.select().from(registrations).where(eq(registrations.id, place.id)))[0]!.attendance).toBeNull();
  });

  it('a trainer’s scan marks the person attended; a second scan changes nothing and says when it was', async () => {
    const sessionId = await createOpenSession(db, workshopId, { startsAt: new Date(Date.now() - HOUR) });
    const place = await placeIn(sessionId, 'Łukasz Żółć');
    const token = checkInTokenFor(place.id);
    const at = new Date();
    const first = await checkInByToken(db, trainer, token, 'scan', at);
    expect(first).toMatchObject({
      kind: 'marked',
      name: 'Łukasz Żółć',
      sessionId,
      workshopTitle: 'Recognising signs of abuse',
      previous: null,
      recordedAt: at.toISOString(),
      timeZone: 'America/Chicago',
    });
    expect(first.kind === 'marked' && first.when).toMatch(/C[SD]T$/);
    const again = await checkInByToken(db, trainer, token, 'scan', new Date(at.getTime() + 60_000));
    expect(again).toMatchObject({ kind: 'unchanged', name: 'Łukasz Żółć', recordedAt: at.toISOString() });
    const [row] = await db.select().from(registrations).where(eq(registrations.id, place.id));
    expect(row).toMatchObject({ attendance: 'attended', attendanceRecordedBy: trainer.id });
  });

  it('a scan never overwrites absent or partial: the trainer is asked, and pressing the button marks attended', async () => {
    const sessionId = await createOpenSession(db, workshopId, { startsAt: new Date(Date.now() - HOUR) });
    for (const input of [{ status: 'absent' as const }, { status: 'partial' as const, hours: 1 }]) {
      const late = await placeIn(sessionId, `Late ${input.status}`);
      await recordAttendance(db, trainer, late.id, input);
      const token = checkInTokenFor(late.id);
      expect(await checkInByToken(db, trainer, token, 'scan')).toMatchObject({ kind: 'ask', attendance: input.status, name: `Late ${input.status}` });
      expect((await db.select().from(registrations).where(eq(registrations.id, late.id)))[0]!.attendance).toBe(input.status);
      expect(await checkInByToken(db, trainer, token, 'mark')).toMatchObject({ kind: 'marked', previous: input.status });
    }
  });

  it('a link opened from another site writes nothing, even for a trainer: it asks', async () => {
    const sessionId = await createOpenSession(db, workshopId, { startsAt: new Date(Date.now() - HOUR) });
    const place = await placeIn(sessionId, 'Linked From Elsewhere');
    const token = checkInTokenFor(place.id);
    expect(await checkInByToken(db, trainer, token, 'look')).toMatchObject({ kind: 'ask', attendance: null, name: 'Linked From Elsewhere' });
    expect((await db.select().from(registrations).where(eq(registrations.id, place.id)))[0]!.attendance).toBeNull();
    expect(await checkInByToken(db, trainer, token, 'mark')).toMatchObject({ kind: 'marked', previous: null });
    expect(await checkInByToken(db, trainer, token, 'look')).toMatchObject({ kind: 'unchanged' });
  });

  it('anyone else learns nothing from a valid code, and nothing is recorded', async () => {
    const sessionId = await createOpenSession(db, workshopId, { startsAt: new Date(Date.now() - HOUR) });
    const place = await placeIn(sessionId, 'Private Person');
    const token = checkInTokenFor(place.id);
    for (const actor of [null, officer, coordinator]) {
      const outcome = await checkInByToken(db, actor, token, 'mark');
      expect(outcome).toEqual({ kind: 'not_trainer' });
      expect(JSON.stringify(outcome)).not.toContain('Private');
    }
    const [row] = await db.select().from(registrations).where(eq(registrations.id, place.id));
    expect(row!.attendance).toBeNull();
  });

  it('says plainly why a scan cannot mark someone: not open yet, a cancelled place, a closed roster', async () => {
    const future = await createOpenSession(db, workshopId, { startsAt: new Date('2031-03-04T15:00:00Z') });
    const early = await registerForSession(db, null, future, { name: 'Early', email: 'early-qr@example.org' });
    expect(await checkInByToken(db, trainer, checkInTokenFor(early.id), 'scan')).toMatchObject({
      kind: 'refused',
      code: 'attendance_not_open',
      name: 'Early',
      message: 'Attendance opens when the session starts, on 4 Mar 2031, 9:00 CST.',
    });

    const started = await createOpenSession(db, workshopId, { startsAt: new Date(Date.now() - HOUR) });
    const gone = await placeIn(started, 'Gone');
    await cancelRegistration(db, gone.id, { actor: trainer });
    expect(await checkInByToken(db, trainer, checkInTokenFor(gone.id), 'scan')).toMatchObject({ kind: 'refused', code: 'registration_not_confirmed' });

    const kept = await placeIn(started, 'Kept');
    await db.update(trainingSessions).set({ rosterClosedAt: new Date() }).where(eq(trainingSessions.id, started));
    expect(await checkInByToken(db, trainer, checkInTokenFor(kept.id), 'scan')).toMatchObject({ kind: 'refused', code: 'roster_closed' });
  });

  it('attaches the QR code inline to the confirmation, as a PNG of exactly the check-in link', async () => {
    const sessionId = await createOpenSession(db, workshopId);
    const place = await registerForSession(db, null, sessionId, { name: 'Scan Me', email: 'scan-me@example.org' });
    const row = await confirmationOf(place.id);
    const parts = await checkInQrAttachments(db, row);
    expect(parts).toHaveLength(1);
    const [part] = parts;
    expect(part).toMatchObject({ filename: 'check-in.png', contentType: 'image/png', cid: 'check-in-qr', contentDisposition: 'inline' });
    const png = part!.content as Buffer;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    // Every module of the picture, read at its centre, is the module of the link's QR code.
    const image = PNG.sync.read(png);
    const { modules } = QRCode.create(checkInUrlFor(place.id), { errorCorrectionLevel: 'M' });
    const scale = image.width / (modules.size + 8);
    expect(image.width).toBe(image.height);
    expect(Number.isInteger(scale)).toBe(true);
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) {
        const x = Math.floor((c + 4 + 0.5) * scale);
        const y = Math.floor((r + 4 + 0.5) * scale);
        const dark = image.data[(y * image.width + x) * 4]! < 128;
        if (dark !== Boolean(modules.get(r, c))) throw new Error(`module ${r},${c} differs`);
      }
    }

    // The email refers to the attachment by its Content-ID, and writes the link out for anyone who cannot scan.
    const { html, text } = await renderMail(row.template, row.props);
    expect(html).toContain('src="cid:check-in-qr"');
    expect(html).toContain('Your check-in code');
    expect(text).toContain(checkInUrlFor(place.id));

    // Other messages carry no check-in link, so no picture.
    const reminder = (await db.select().from(mailOutbox).where(and(eq(mailOutbox.registrationId, place.id), eq(mailOutbox.template, 'session-reminder'))))[0]!;
    expect(await checkInQrAttachments(db, reminder)).toEqual([]);
  });
});
