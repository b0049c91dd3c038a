/** A named mailbox: `name` may be empty when the address came without a display name. */
export type Mailbox = { name: string; email: string };

// Deliberately simple: one `@`, no whitespace, none of the characters that would break a header,
// an iCalendar property (`mailto:` value) or a quoted parameter.
const EMAIL = /^[^\s@<>"(),;:\\[\]]+@[^\s@<>"(),;:\\[\]]+$/;

export function isPlainEmail(email: string): boolean {
  return EMAIL.test(email);
}

/**
 * Reads a `MAIL_FROM` value: `Muster <no-reply@muster.example>`, `"Muster, Training" <a@b>`,
 * or a bare `no-reply@muster.example` (name `''`). Throws on anything else.
 */
export function parseMailFrom(mailFrom: string): Mailbox {
  const value = mailFrom.trim();
  const named = /^(?:"((?:[^"\\]|\\.)*)"|([^<>"]*?))\s*<\s*([^<>\s]+)\s*>$/.exec(value);
  let name: string;
  let email: string;
  if (named) {
    name = named[1] !== undefined ? named[1].replace(/\\(.)/g, '$1') : (named[2] ?? '');
    email = named[3] ?? '';
  } else {
    name = '';
    email = value;
  }
  name = name.trim();
  if (!isPlainEmail(email)) throw new RangeError(`Not a mailbox: ${JSON.stringify(mailFrom)}`);
  return { name, email };
}
