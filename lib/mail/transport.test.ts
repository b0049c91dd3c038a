import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '@/test/smtp-sink';
import { createLocalMailboxTransport, createSmtpTransport, type TOutgoingMail } from './transport';

const html = `<!DOCTYPE html><html lang="en"><body style="font-family:-apple-system,&quot;Segoe UI&quot;">${'<p style="margin:16px 0">Łukasz Żółć — 检查 ✓ a = b </p>'.repeat(60)}</body></html>`;
const text = 'Dear Nguyễn Thị Minh,\n\nyour place is confirmed. \nRoom 4 = second floor.\n\n'.repeat(20);
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

function message(id: string): TOutgoingMail {
  return {
    from: 'Muster <training@muster.example>',
    to: 'lukasz@riverside.example',
    subject: 'Your place: Trauma-informed interviewing',
    messageId: `<${id}@muster.example>`,
    html,
    text,
    alternatives: [{ contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n' }],
    attachments: [{ filename: 'check-in.png', content: png, contentType: 'image/png', cid: 'check-in-qr@muster', contentDisposition: 'inline' }],
  };
}

async function expectReceivedAsSent(raw: Buffer) {
  const parsed = await simpleParser(raw);
  expect(parsed.subject).toBe('Your place: Trauma-informed interviewing');
  expect(parsed.html).toBe(html);
  expect(parsed.text).toBe(text);
  expect(parsed.attachments.find((part) => part.filename === 'check-in.png')?.content.equals(png)).toBe(true);
  expect(parsed.attachments.some((part) => part.contentType === 'text/calendar')).toBe(true);
  expect(raw.toString('latin1').split('\r\n').every((line) => line.length <= 998)).toBe(true);
}

describe('what a recipient receives', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it('over SMTP: the very HTML, text and parts that were composed', async () => {
    const transport = createSmtpTransport(sink.url);
    try {
      await transport.send(message('smtp'));
    } finally {
      transport.close();
    }
    const [received] = await sink.waitFor(1);
    await expectReceivedAsSent(received!.raw);
  });

  it('in the local mailbox: the same', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'muster-mailbox-'));
    try {
      await createLocalMailboxTransport(dir).send(message('local'));
      const [file] = await readdir(dir);
      await expectReceivedAsSent(await readFile(path.join(dir, file!)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
