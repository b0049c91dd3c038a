import { createHash } from 'node:crypto';

const OPEN = Buffer.from('<script');
const CLOSE = Buffer.from('</script');
const GT = 0x3e;
const CR = 0x0d;
const HAS_SRC = /\ssrc\s*=/i;

/** After `<script`: a space, `/` or `>` (not `<scripts>` or a custom element's name). */
function endsTagName(byte: number | undefined): boolean {
  return byte === GT || byte === 0x2f || byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === CR;
}

function sha256Source(text: Buffer): string {
  // The parser turns CR LF and CR into LF before the browser hashes the element's text.
  const hashed = text.includes(CR) ? Buffer.from(text.toString('utf8').replace(/\r\n?/g, '\n'), 'utf8') : text;
  return `'sha256-${createHash('sha256').update(hashed).digest('base64')}'`;
}

/**
 * The CSP sources ('sha256-…') of the inline scripts in an HTML document, each once, hashed as the
 * browser hashes them. Read from the bytes, without decoding the page: a page is scanned on every
 * response. Tags are matched in lower case, as React writes them; any other spelling is simply
 * not named, so its script is blocked rather than let through.
 */
export function inlineScriptHashes(html: Buffer): string[] {
  const hashes = new Set<string>();
  for (let at = html.indexOf(OPEN); at >= 0; at = html.indexOf(OPEN, at + 1)) {
    if (!endsTagName(html[at + OPEN.length])) continue;
    const tagEnd = html.indexOf(GT, at);
    if (tagEnd < 0) break;
    // An element's text ends at the first `</script`, as the HTML parser ends it.
    const close = html.indexOf(CLOSE, tagEnd);
    if (close < 0) break;
    if (!HAS_SRC.test(html.toString('latin1', at + OPEN.length, tagEnd))) hashes.add(sha256Source(html.subarray(tagEnd + 1, close)));
    at = close;
  }
  return [...hashes];
}

/**
 * Muster's policy: scripts only from Muster itself, inline ones only when the response names their
 * hash; nothing framed, embedded or posted elsewhere. Styles may be inline (React style attributes).
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
