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

const NEXT_BOOTSTRAP = '(self.__next_f=self.__next_f||[]).push([0])';
/**
 * React's own script, written once before the first form whose action is a function, so a submit
 * made before hydration is replayed after it rather than lost. It is a constant in react-dom.
 */
const REACT_FORM_REPLAY =
  'addEventListener("submit",function(a){if(!a.defaultPrevented){var b=a.target,d=a.submitter,c=b.action,e=d;if(d){var f=d.getAttribute("formAction");null!=f&&(c=f,e=null)}"javascript:throw new Error(\'React form unexpectedly submitted.\')"===c&&(a.preventDefault(),a=new FormData(b,e),c=b.ownerDocument||b,(c.$$reactFormReplay=c.$$reactFormReplay||[]).push(b,d,a))}});';
const FLIGHT_CHUNK = /^self\.__next_f\.push\(([\s\S]*)\)$/;
const CHUNK_LOADER = /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(([\s\S]*)\);?$/;

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether an inline script is one Next or React writes itself: Next's bootstrap line, React's form
 * replay, or data handed to Next's client (the page's payload, the chunks to load) as a JSON
 * literal, which cannot carry code. Any other inline script, such as one smuggled in through a page's content, is not named and stays
 * blocked: hashing the finished page must not bless whatever ended up in it.
 */
export function isNextInlineScript(text: string): boolean {
  if (text === NEXT_BOOTSTRAP || text === REACT_FORM_REPLAY) return true;
  const data = FLIGHT_CHUNK.exec(text)?.[1] ?? CHUNK_LOADER.exec(text)?.[1];
  return data !== undefined && isJson(data);
}

function sha256Source(text: Buffer): string {
  // The parser turns CR LF and CR into LF before the browser hashes the element's text.
  const hashed = text.includes(CR) ? Buffer.from(text.toString('utf8').replace(/\r\n?/g, '\n'), 'utf8') : text;
  return `'sha256-${createHash('sha256').update(hashed).digest('base64')}'`;
}

/**
 * The CSP sources ('sha256-…') of Next's own inline scripts in an HTML document (isNextInlineScript),
 * each once, hashed as the browser hashes them. Found in the bytes, without decoding the whole
 * page: a page is scanned on every response. Tags are matched in lower case, as React writes
 * them; any other spelling is simply not named, so its script is blocked rather than let through.
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
    const text = html.subarray(tagEnd + 1, close);
    if (!HAS_SRC.test(html.toString('latin1', at + OPEN.length, tagEnd)) && isNextInlineScript(text.toString('utf8'))) hashes.add(sha256Source(text));
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
