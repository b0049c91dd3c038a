import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A random secret made once and kept in `dataDir/name`, so a local run needs no configuration
 * and its secrets survive restarts. Created with `wx`: when two processes start at once, the
 * one that loses the race reads the winner's.
 */
export function keptSecret(dataDir: string, name: string): string {
  const file = path.resolve(dataDir, name);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch {
      // Another process wrote it first: use theirs.
    }
    return readFileSync(file, 'utf8').trim();
  }
}
