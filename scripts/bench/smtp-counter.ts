/**
 * The benchmark's SMTP server, in a process of its own so its work is not counted as Muster's:
 * accepts every message (plain SMTP, no parsing) and prints "ready <port>" once listening.
 * GET http://127.0.0.1:<port + 1>/count answers how many it has accepted.
 */
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

const port = Number(process.env.SINK_PORT ?? 2625);
let accepted = 0;
const server = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  disableReverseLookup: true,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      accepted += 1;
      callback(null, 'OK');
    });
  },
});
server.on('error', () => {});
server.listen(port, '127.0.0.1', () => {
  createServer((_req, res) => res.end(String(accepted))).listen(port + 1, '127.0.0.1', () => console.log(`ready ${port}`));
});
