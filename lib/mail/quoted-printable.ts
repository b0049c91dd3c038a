const MAX_LINE = 76;
const HEX = '0123456789ABCDEF';
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const EQUALS = 0x3d;

/**
 * `text` as UTF-8 in quoted-printable (RFC 2045 §6.7): printable ASCII as is, everything else
 * and "=" as =XX, line breaks as CRLF, a space or tab before a break escaped, and no line longer
 * than 76 characters (a soft break "=" ends a longer one). One pass over the bytes: nodemailer's
 * own encoder, regular expressions over a string, was the largest cost of sending a message.
 */
export function quotedPrintable(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  // Each byte is at most 3 characters, and a soft break (3) comes at most every 73.
  const out = Buffer.allocUnsafe(bytes.length * 3 + Math.ceil((bytes.length * 3) / 73) * 3 + 3);
  let at = 0;
  let line = 0;
  const softBreak = () => {
    out[at++] = EQUALS;
    out[at++] = CR;
    out[at++] = LF;
    line = 0;
  };
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    const breaksHere = byte === LF || (byte === CR && bytes[i + 1] === LF);
    if (breaksHere) {
      if (byte === CR) i++;
      out[at++] = CR;
      out[at++] = LF;
      line = 0;
      continue;
    }
    const next = bytes[i + 1];
    const endsLine = next === undefined || next === LF || (next === CR && bytes[i + 2] === LF);
    const literal = (byte > SPACE && byte < 0x7f && byte !== EQUALS) || ((byte === SPACE || byte === TAB) && !endsLine);
    const width = literal ? 1 : 3;
    // A line's last character may use the 76th column only when no soft break must follow it.
    if (line + width > (endsLine ? MAX_LINE : MAX_LINE - 1)) softBreak();
    if (literal) {
      out[at++] = byte;
    } else {
      out[at++] = EQUALS;
      out[at++] = HEX.charCodeAt(byte >> 4);
      out[at++] = HEX.charCodeAt(byte & 15);
    }
    line += width;
  }
  return out.toString('latin1', 0, at);
}
