import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { quotedPrintable } from './quoted-printable';

/** What a mail reader makes of a text part sent with this encoding. */
async function received(encoded: string): Promise<string> {
  const parsed = await simpleParser(`Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${encoded}`);
  return parsed.text ?? '';
}

const samples = [
  'Dear Łukasz Żółć,\nyour place at “Trauma-informed interviewing” is confirmed.',
  'Nguyễn Thị Minh Khai — 检查 ✓ 🚓',
  `<!DOCTYPE html><html dir="ltr" lang="en"><head><meta content="text/html; charset=UTF-8" http-equiv="Content-Type"/></head><body style="background-color:#f6f9fc;font-family:-apple-system,BlinkMacSystemFont,&quot;Segoe UI&quot;">${'<p style="font-size:14px;line-height:24px;margin:16px 0">a = b</p>'.repeat(40)}</body></html>`,
  'trailing space \nand tab\t\nat the end ',
  'a\r\nwindows\r\nbreaks\rand a lone CR',
  '='.repeat(200),
  'é'.repeat(100),
  `${'x'.repeat(75)}é${'y'.repeat(74)} ${'z'.repeat(300)}`,
  '',
];

describe('quotedPrintable', () => {
  it('arrives as the text that was sent', async () => {
    for (const text of samples) {
      // Readers see every line break as a newline.
      expect(await received(quotedPrintable(text)), JSON.stringify(text.slice(0, 40))).toBe(text.replace(/\r\n/g, '\n').replace(/\n$/, ''));
    }
  });

  it('keeps every line within 76 characters of 7-bit ASCII, with no space at the end of a line', () => {
    for (const text of samples) {
      const encoded = quotedPrintable(text);
      expect(encoded).toMatch(/^[\x20-\x7e\r\n\t]*$/);
      for (const line of encoded.split('\r\n')) {
        expect(line.length).toBeLessThanOrEqual(76);
        expect(line).not.toMatch(/[ \t]$/);
      }
      expect(encoded.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });

  it('leaves plain ASCII lines as they are', () => {
    expect(quotedPrintable('Room 4, second floor.\nBring your badge.')).toBe('Room 4, second floor.\r\nBring your badge.');
  });
});
