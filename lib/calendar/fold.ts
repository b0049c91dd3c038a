/** UTF-8 length of one code point. */
function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line (RFC 5545 §3.1): no physical line longer than 75 octets of UTF-8
 * (CRLF excluded), continuation lines start with one space, and folds fall only between code
 * points, so no multi-byte character is ever split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Undoes any folding (CRLF followed by one space or tab) and returns the content lines. */
export function unfoldLines(text: string): string[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Content lines as a calendar file: each folded, each ended by CRLF. */
export function serializeLines(lines: readonly string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
