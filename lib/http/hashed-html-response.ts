import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { contentSecurityPolicy, inlineScriptHashes } from './content-security-policy';

/** Worth compressing; below this the headers cost more than the savings. */
const MIN_COMPRESS_BYTES = 1024;

/** Requests whose answer may be a page: not Next's files, the API, a client-side navigation's payload or a server action's. */
function mayBePage(req: IncomingMessage): boolean {
  const url = req.url ?? '/';
  if (req.headers.rsc || req.headers['next-action'] || url.startsWith('/_next/') || url.startsWith('/api/')) return false;
  return req.method === 'GET' || req.method === 'HEAD' || req.method === 'POST';
}

function encodingFor(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  // Each coding with its weight; `q=0` refuses it.
  const accepted = new Set(
    (acceptEncoding ?? '')
      .toLowerCase()
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(p)))
      .map(([coding]) => coding!.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

function compress(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  // Fast settings: a page is compressed on every request, so speed matters more than the last byte.
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 6 });
}

type TWriteCallback = (error?: Error | null) => void;

/** A written chunk as a Buffer, without copying it: Node would keep it until sent just the same. */
function asBuffer(chunk: unknown, encoding: BufferEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding);
  const bytes = chunk as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Gives every response a Content-Security-Policy, and a page one that names the hash of each of
 * its inline scripts (Next's own included), so no other inline script runs. A page is held back
 * until it is complete to count its scripts, which also lets the cached catalogue keep being
 * served from the cache: a per-request nonce would need every page rendered per request.
 * Holding a page back means it is compressed here rather than by Next.
 */
export function withScriptHashPolicy(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('content-security-policy', contentSecurityPolicy());
  if (!mayBePage(req)) return;
  const encoding = encodingFor(req.headers['accept-encoding'] as string | undefined);
  delete req.headers['accept-encoding'];

  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let head: { statusCode: number; statusMessage?: string } | undefined;
  let holding: boolean | undefined;
  const chunks: Buffer[] = [];

  const sendHead = () => {
    if (!head) return;
    if (head.statusMessage) original.writeHead.call(res, head.statusCode, head.statusMessage as never);
    else original.writeHead.call(res, head.statusCode);
  };
  /**
   * Decided once, when the body starts: only HTML is held back; anything else passes straight
   * through from then on. The methods stay wrapped rather than being put back, because Next wraps
   * some of them again after this and putting ours back would undo its wrappers (a download larger
   * than one socket buffer then never ended).
   */
  const decide = () => {
    if (holding !== undefined) return holding;
    holding = /^text\/html\b/i.test(String(res.getHeader('content-type') ?? ''));
    if (!holding) sendHead();
    return holding;
  };

  res.writeHead = function writeHead(statusCode: number, ...rest: unknown[]) {
    if (holding === false) return original.writeHead.call(res, statusCode, ...(rest as [never]));
    const [message, headers] = typeof rest[0] === 'string' ? [rest[0], rest[1]] : [undefined, rest[0]];
    head = { statusCode, statusMessage: message };
    res.statusCode = statusCode;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) if (value !== undefined) res.setHeader(name, value);
    }
    return res;
  } as ServerResponse['writeHead'];

  res.flushHeaders = function flushHeaders() {
    if (!decide()) original.flushHeaders.call(res);
  };

  res.write = function write(chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) {
    if (!decide()) return original.write.call(res, chunk as never, encodingOrCallback as never, callback as never);
    const done = (typeof encodingOrCallback === 'function' ? encodingOrCallback : callback) as TWriteCallback | undefined;
    const textEncoding = typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : 'utf8';
    chunks.push(asBuffer(chunk, textEncoding));
    if (done) process.nextTick(done);
    return true;
  } as ServerResponse['write'];

  res.end = function end(chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown) {
    if (typeof chunk === 'function') return res.end(undefined, undefined as never, chunk as TWriteCallback);
    if (typeof encodingOrCallback === 'function') return res.end(chunk, undefined as never, encodingOrCallback as TWriteCallback);
    if (!decide()) return original.end.call(res, chunk as never, encodingOrCallback as never, callback as never);
    if (chunk !== undefined && chunk !== null) {
      const textEncoding = typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : 'utf8';
      chunks.push(asBuffer(chunk, textEncoding));
    }
    let body: Buffer = Buffer.concat(chunks);
    // From here on everything passes through, Node's own implicit writeHead in end() included.
    holding = false;
    res.setHeader('content-security-policy', contentSecurityPolicy(inlineScriptHashes(body)));
    if (encoding && body.length >= MIN_COMPRESS_BYTES && req.method !== 'HEAD') {
      body = compress(body, encoding);
      res.setHeader('content-encoding', encoding);
      // Beside what Next varies pages on (its RSC headers), not instead of it.
      const vary = res.getHeader('vary');
      res.setHeader('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    }
    if (req.method !== 'HEAD') res.setHeader('content-length', body.length);
    res.removeHeader('transfer-encoding');
    sendHead();
    return original.end.call(res, body, callback as never);
  } as ServerResponse['end'];
}
