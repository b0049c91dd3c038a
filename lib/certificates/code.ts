import 'server-only';
import { randomBytes } from 'node:crypto';

/**
 * Crockford's base32: no I, L, O or U, so a code read aloud over the phone or typed from paper
 * cannot be misread as another one.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 16;
const VALID = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

/** 80 random bits as 16 characters, stored without dashes. */
export function newCertificateCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      code += ALPHABET[(buffer >> bits) & 31];
    }
    // Only the bits not yet used are kept, so the buffer never outgrows a 32-bit integer.
    buffer &= (1 << bits) - 1;
  }
  return code;
}

/** In groups of four for reading aloud: 7K2Q-9XWD-4HPA-M3TR. */
export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * A code as a person may type it (lower case, spaces, dashes, O for 0, I or L for 1) in its
 * stored form; undefined when it cannot be a certificate code at all.
 */
export function normalizeCertificateCode(input: string): string | undefined {
  const code = input
    .replace(/[\s-]+/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return VALID.test(code) ? code : undefined;
}
