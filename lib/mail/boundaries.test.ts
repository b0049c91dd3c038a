import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every `@/…` module a folder's source files import (tests excluded), with the file that does. */
function imports(folder: string): { file: string; target: string }[] {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));
  return files.flatMap((file) =>
    [...readFileSync(path.join(folder, file), 'utf8').matchAll(/from '(@\/[^']+)'/g)].map((match) => ({ file: `${folder}/${file}`, target: match[1]! })),
  );
}

/**
 * Mail delivery and its templates know no domain: the parts a template needs from it (a QR code,
 * a stored certificate) come from builders handed over at startup, so a change to registrations or
 * certificates never reaches into the worker and nothing imports in a circle.
 */
describe('the mail seam', () => {
  const infrastructure = /^@\/(db|emails|lib\/(mail|calendar|config|errors|process|text|time))(\/|$)/;

  it('lib/mail imports no domain module', () => {
    expect(imports('lib/mail').filter(({ target }) => !infrastructure.test(target))).toEqual([]);
  });

  it('emails/ imports no domain module', () => {
    expect(imports('emails').filter(({ target }) => !/^@\/(emails|lib\/(calendar|text))(\/|$)/.test(target))).toEqual([]);
  });
});
