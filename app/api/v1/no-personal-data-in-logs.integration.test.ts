import { format } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db';
import { mailOutbox } from '@/db/schema';
import { handlers } from './_handlers';
import { respond } from './_lib/api-handler';
import { DAY, people, session, workshop } from './_test/fixtures';
import { enqueueMail } from '@/lib/mail/enqueue';
import { createSmtpTransport } from '@/lib/mail/transport';
import { createMailWorker } from '@/lib/mail/worker';
import { registerForSession } from '@/lib/registrations/register';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { startSmtpSink } from '@/test/smtp-sink';
import { installLogRedaction } from '@/lib/errors/log-redaction';
import { mailDeliveryParts } from '@/lib/startup/mail-delivery-parts';

const PERSON = {
  name: 'Łukasz Wiśniewski-Quill',
  email: 'lukasz.quill@springfieldpd.gov',
  agency: 'Springfield PD',
  badgeNumber: 'BADGE-77313',
  role: 'Detective',
  accessNeeds: 'Hearing loop in the front row',
};
const PERSONAL_VALUES = [PERSON.name, PERSON.email, PERSON.badgeNumber, PERSON.accessNeeds, 'lukasz.quill'];
// A constraint the schema does not have, so the insert of this person's place fails as a real query would.
const REFUSING_CONSTRAINT = 'registrations_refused_in_test';

/** What a console would print for these calls, formatted as Node's console formats them (causes included). */
function capturingConsole() {
  const lines: string[] = [];
  const write = (...args: unknown[]) => void lines.push(format(...args));
  return { console: { error: write, warn: write }, text: () => lines.join('\n') };
}

function expectNoPersonalData(text: string) {
  for (const value of PERSONAL_VALUES) expect(text).not.toContain(value);
}

describe.each(testDrivers)('logs hold no personal data on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let trainer: { id: string; role: 'trainer' };
  let sessionId: string;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    ({ trainer } = await people(db));
    const { id: workshopId } = await workshop(db, trainer, { title: 'Interviewing children after disclosure' });
    sessionId = (await session(db, trainer, workshopId, Date.now() + 10 * DAY)).id;
    await db.execute(sql.raw(`alter table registrations add constraint ${REFUSING_CONSTRAINT} check (badge_number <> '${PERSON.badgeNumber}')`));
  });
  afterAll(async () => {
    await database?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function failedInsert(): Promise<Error> {
    const error = await registerForSession(db, null, sessionId, PERSON).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }

  it('a failed insert carries the person in its message, so the log must not print it', async () => {
    const error = await failedInsert();
    // Drizzle's message lists the bound values: this is what reached the log before.
    expect(format(error)).toContain(PERSON.email);
  });

  it('the API logs a failed insert by SQLSTATE and constraint, never the values bound to it', async () => {
    const logged = capturingConsole();
    vi.spyOn(console, 'error').mockImplementation(logged.console.error);
    vi.spyOn(console, 'warn').mockImplementation(logged.console.warn);
    const request = new Request(`http://muster.test/api/v1/sessions/${sessionId}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-muster-client-ip': '10.9.9.9' },
      body: JSON.stringify(PERSON),
    });
    const response = await respond((ctx) => handlers.registerForSession(ctx, { limitPerIp: 100 }), { db, request, params: { id: sessionId } });

    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(PERSON.email);
    expect(logged.text()).toContain('23514');
    expect(logged.text()).toContain(REFUSING_CONSTRAINT);
    expectNoPersonalData(logged.text());
  });

  it('what Next logs for a page or action that throws is described the same way once startup redacts the console', async () => {
    const error = await failedInsert();
    const logged = capturingConsole();
    installLogRedaction(logged.console);
    logged.console.error('⨯', error);
    logged.console.warn(`could not write to ${PERSON.email}`);

    expect(logged.text()).toContain(REFUSING_CONSTRAINT);
    expectNoPersonalData(logged.text());
  });

  it('a delivery that fails for good is logged by outbox id and SMTP code, not by address or reply text', async () => {
    const smtp = await startSmtpSink();
    try {
      // Real servers quote the recipient in their refusal.
      smtp.failWith(550, `5.1.1 <${PERSON.email}>: Recipient address rejected`);
      const { id } = await db.transaction((tx) =>
        enqueueMail(tx, {
          to: PERSON.email,
          template: 'sign-in',
          props: { url: 'http://localhost:3000/signin/confirm?token=abc', email: PERSON.email, expiresInMinutes: 30 },
        }),
      );
      const logged = capturingConsole();
      const worker = createMailWorker({ parts: mailDeliveryParts, db, transport: createSmtpTransport(smtp.url), from: 'Muster <no-reply@muster.test>', log: logged.console });

      expect(await worker.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
      await worker.stop();
      expect(logged.text()).toContain(id);
      expect(logged.text()).toContain('SMTP 550');
      expectNoPersonalData(logged.text());
    } finally {
      await db.delete(mailOutbox).where(sql`true`);
      await smtp.close();
    }
  });
});
