import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/**
 * A real SMTP server that keeps every message it accepts in memory, for tests that deliver mail
 * over SMTP end to end. Plain SMTP only: STARTTLS and AUTH are disabled (smtp-server's built-in
 * certificate has expired, and nothing here needs either). Free of test-runner imports so a
 * standalone process (the Playwright sink) can use it too.
 */

export type SinkMessage = {
  /** The message exactly as received after DATA (headers and body, CRLF line ends). */
  raw: Buffer;
  envelope: { mailFrom: string | null; rcptTo: string[] };
  /** The Message-ID header, angle brackets included, or null when the message had none. */
  messageId: string | null;
  receivedAt: Date;
};

export type SmtpSinkOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** How long close() lets connected clients finish before cutting them off (default 100 ms). */
  closeTimeoutMs?: number;
};

export type SmtpSink = {
  readonly port: number;
  /** e.g. `smtp://127.0.0.1:2525`, ready for nodemailer. */
  readonly url: string;
  /** Accepted messages in arrival order. */
  readonly messages: readonly SinkMessage[];
  /** How many DATA commands were answered with the failWith() code. */
  readonly rejected: number;
  /** Parses one received message. */
  parse(message: SinkMessage): Promise<ParsedMail>;
  /** Parses every received message, in arrival order. */
  parsed(): Promise<ParsedMail[]>;
  /**
   * Resolves with the messages once `count` have arrived (or `predicate` holds for them);
   * rejects after `timeoutMs` (default 5000).
   */
  waitFor(
    condition: number | ((messages: readonly SinkMessage[]) => boolean),
    timeoutMs?: number,
  ): Promise<readonly SinkMessage[]>;
  /** Forgets every received message and the rejection count. */
  reset(): void;
  /**
   * While `code` is set, every DATA is answered with it (e.g. 451 for "try again later", 550 for
   * "never") and the message is not kept; `null` goes back to accepting.
   */
  failWith(code: number | null, text?: string): void;
  /** The same, only for messages to these addresses (a refusal in the middle of a batch); `null` stops. */
  failFor(addresses: readonly string[] | null, code?: number): void;
  close(): Promise<void>;
};

type SinkError = Error & { responseCode: number };

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const messages: SinkMessage[] = [];
  const waiters = new Set<() => void>();
  let failure: { code: number; text: string } | null = null;
  let failingFor: { addresses: Set<string>; code: number } | null = null;
  let rejected = 0;

  function onData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null, message?: string) => void,
  ) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', (error: Error) => callback(error));
    stream.on('end', () => {
      const refusedRecipient = failingFor && session.envelope.rcptTo.some((rcpt) => failingFor!.addresses.has(rcpt.address));
      const refusal = failure ?? (refusedRecipient ? { code: failingFor!.code, text: `Sink refusing this recipient (${failingFor!.code})` } : null);
      if (refusal) {
        rejected += 1;
        const error = new Error(refusal.text) as SinkError;
        error.responseCode = refusal.code;
        callback(error);
        return;
      }
      const raw = Buffer.concat(chunks);
      const { mailFrom, rcptTo } = session.envelope;
      messages.push({
        raw,
        envelope: { mailFrom: mailFrom ? mailFrom.address : null, rcptTo: rcptTo.map((rcpt) => rcpt.address) },
        messageId: headerValue(raw, 'message-id'),
        receivedAt: new Date(),
      });
      callback(null, 'OK: message queued');
      for (const waiter of [...waiters]) waiter();
    });
  }

  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    // A reverse DNS lookup per connection costs ~100 ms here, and nothing needs the name.
    disableReverseLookup: true,
    closeTimeout: options.closeTimeoutMs ?? 100,
    onData,
  });

  const port = await new Promise<number>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', onError);
      const address = server.server.address();
      if (address && typeof address === 'object') resolve(address.port);
      else reject(new Error('SMTP sink: could not read the listening port'));
    });
  });
  // Client errors (a connection reset mid-session) must not crash the test process.
  server.on('error', () => {});

  let closed: Promise<void> | undefined;

  return {
    port,
    url: `smtp://${host}:${port}`,
    messages,
    get rejected() {
      return rejected;
    },
    parse: (message) => simpleParser(message.raw),
    parsed: () => Promise.all(messages.map((message) => simpleParser(message.raw))),
    waitFor(condition, timeoutMs = 5_000) {
      const done = () => (typeof condition === 'number' ? messages.length >= condition : condition(messages));
      return new Promise((resolve, reject) => {
        if (done()) {
          resolve(messages);
          return;
        }
        const timer = setTimeout(() => {
          waiters.delete(check);
          const wanted = typeof condition === 'number' ? `${condition} messages` : 'the expected messages';
          reject(new Error(`SMTP sink: timed out after ${timeoutMs} ms waiting for ${wanted}; got ${messages.length}`));
        }, timeoutMs);
        function check() {
          if (!done()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages);
        }
        waiters.add(check);
      });
    },
    reset() {
      messages.length = 0;
      rejected = 0;
    },
    failWith(code, text) {
      failure = code === null ? null : { code, text: text ?? `Sink failing on purpose (${code})` };
    },
    failFor(addresses, code = 451) {
      failingFor = addresses === null ? null : { addresses: new Set(addresses), code };
    },
    close() {
      closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closed;
    },
  };
}

/** One header's unfolded value from a raw message, or null. */
export function headerValue(raw: Buffer, name: string): string | null {
  const text = raw.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  const headers = (end === -1 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const wanted = `${name.toLowerCase()}:`;
  for (const line of headers.split(/\r?\n/)) {
    if (line.toLowerCase().startsWith(wanted)) return line.slice(wanted.length).trim();
  }
  return null;
}
