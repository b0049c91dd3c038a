import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { ensureTrainer } from '@/lib/api-tokens/api-tokens';
import type { TActor } from '@/lib/auth/actor';
import { createSmtpTransport } from '@/lib/mail/transport';
import { createMailWorker, type MailWorker } from '@/lib/mail/worker';
import { updateSession } from '@/lib/sessions/sessions';
import { createTestDatabase, testDrivers, type TestDatabase } from '@/test/databases';
import { createOpenSession, createPublishedWorkshop } from '@/test/registration-fixtures';
import { startSmtpSink, type SmtpSink } from '@/test/smtp-sink';
import { cancelRegistration } from './cancel';
import { registerForSession } from './register';
import { mailDeliveryParts } from '@/lib/startup/mail-delivery-parts';

const FROM = 'Muster Training <no-reply@muster.test>';

type Received = { mail: ParsedMail; raw: string; event: ICAL.Event; method: string; attendees: string[] };

describe.each(testDrivers)('invites as a person receives them, over SMTP, on %s', (driver) => {
  let database: TestDatabase;
  let db: Db;
  let sink: SmtpSink;
  let worker: MailWorker;
  let trainer: TActor;
  let seen = 0;

  /** Delivers what is due and returns the new messages to `to`, with their calendar part parsed. */
  async function deliveredTo(to: string): Promise<Received[]> {
    await worker.runOnce();
    const fresh = sink.messages.slice(seen);
    seen = sink.messages.length;
    const out: Received[] = [];
    for (const message of fresh) {
      const mail = await sink.parse(message);
      if (mail.to && !JSON.stringify(mail.to).includes(to)) continue;
      const raw = message.raw.toString('utf8');
      const calendar = mail.attachments.find((a) => a.contentType === 'text/calendar');
      expect(calendar, `a text/calendar part in "${mail.subject}"`).toBeDefined();
      const component = new ICAL.Component(ICAL.parse(calendar!.content.toString('utf8')));
      const vevent = component.getFirstSubcomponent('vevent')!;
      out.push({
        mail,
        raw,
        event: new ICAL.Event(vevent),
        method: String(component.getFirstPropertyValue('method')),
        attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
      });
    }
    return out;
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    db = database.db;
    sink = await startSmtpSink();
    worker = createMailWorker({ parts: mailDeliveryParts, db, transport: createSmtpTransport(sink.url), from: FROM, log: { warn() {}, error() {} } });
    trainer = await ensureTrainer(db, 'trainer@example.org');
  });
  afterAll(async () => {
    await worker?.stop();
    await sink?.close();
    await database?.close();
  });

  it('confirms with a METHOD:REQUEST invite naming only the person, then updates and cancels the same event', async () => {
    const workshopId = await createPublishedWorkshop(db, 'delivered', 'Interviewing, children; part 2');
    const sessionId = await createOpenSession(db, workshopId);
    const other = await registerForSession(db, null, sessionId, { name: 'Someone Else', email: 'someone.else@example.org' });
    const me = await registerForSession(db, null, sessionId, { name: 'Łukasz Żółć', email: 'lukasz@example.org' });
    expect([other.status, me.status]).toEqual(['confirmed', 'confirmed']);

    const [booked] = await deliveredTo('lukasz@example.org');
    expect(booked!.mail.subject).toMatch(/^You're booked: Interviewing, children; part 2, /);
    expect(booked!.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(booked!.method).toBe('REQUEST');
    expect(booked!.event.uid).toBe(`${me.id}@localhost`);
    expect(booked!.event.sequence).toBe(0);
    expect(booked!.event.summary).toBe('Interviewing, children; part 2');
    expect(booked!.attendees).toEqual(['mailto:lukasz@example.org']);
    expect(booked!.mail.attachments.some((a) => a.filename === 'invite.ics')).toBe(true);
    expect(booked!.mail.html).toContain('calendar.google.com');
    expect(booked!.mail.text).toContain('Your notebook');

    const start = new Date(Date.now() + 31 * 86_400_000);
    await updateSession(db, trainer, sessionId, { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 7_200_000).toISOString() });
    const [moved] = await deliveredTo('lukasz@example.org');
    expect(moved!.mail.subject).toMatch(/^Changed: /);
    expect(moved!.method).toBe('REQUEST');
    expect(moved!.event.uid).toBe(booked!.event.uid);
    expect(moved!.event.sequence).toBe(1);
    expect(moved!.event.startDate.toJSDate().getTime()).toBe(Math.floor(start.getTime() / 1000) * 1000);

    await cancelRegistration(db, me.id, { manageToken: me.manageToken });
    const [cancelled] = await deliveredTo('lukasz@example.org');
    expect(cancelled!.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    expect(cancelled!.method).toBe('CANCEL');
    expect(cancelled!.event.uid).toBe(booked!.event.uid);
    expect(cancelled!.event.sequence).toBe(2);
    expect(String(cancelled!.event.component.getFirstPropertyValue('status'))).toBe('CANCELLED');
    expect(cancelled!.attendees).toEqual(['mailto:lukasz@example.org']);
  });
});
