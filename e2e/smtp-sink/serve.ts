/**
 * The e2e mail server: a real SMTP sink, plus a small HTTP API the specs read messages from
 * (they run in other processes). GET /messages returns every message received, raw in base64.
 */
import { createServer } from 'node:http';
import { startSmtpSink } from '../../test/smtp-sink';

const sink = await startSmtpSink({ port: Number(process.env.E2E_SMTP_PORT ?? 2526) });

const api = createServer((req, res) => {
  if (req.url === '/health') {
    res.end('ok');
    return;
  }
  if (req.url === '/messages') {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify(
        sink.messages.map((message, index) => ({
          index,
          to: message.envelope.rcptTo,
          messageId: message.messageId,
          receivedAt: message.receivedAt.toISOString(),
          raw: message.raw.toString('base64'),
        })),
      ),
    );
    return;
  }
  res.statusCode = 404;
  res.end();
});
api.listen(Number(process.env.E2E_SINK_API_PORT ?? 2527), '127.0.0.1');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    api.close();
    void sink.close().then(() => process.exit(0));
  });
}
