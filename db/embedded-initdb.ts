import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** initdb takes a few seconds; a child still busy after this has hung. */
const INITDB_TIMEOUT_MS = 120_000;

/**
 * Creates a new embedded database directory in a short-lived process of its own. PGlite runs
 * initdb in a second WebAssembly instance whose memory stays with the process that ran it (about
 * 500 MB that garbage collection never returns), so doing it here would keep a first start's
 * server that much larger for as long as it runs. The child builds it beside `dir` and it is
 * moved into place only when complete, so a child killed halfway leaves no half-made database.
 * Returns false when that process could not do it (PGlite not resolvable from the working
 * directory, say, or a timeout): the caller then creates it itself.
 */
export async function initEmbeddedDataDir(dir: string, cwd = process.cwd()): Promise<boolean> {
  if (existsSync(path.join(dir, 'PG_VERSION'))) return true;
  const staging = `${dir}.new-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const script = `import { PGlite } from '@electric-sql/pglite'; const db = await PGlite.create(${JSON.stringify(staging)}); await db.close();`;
  let errors = '';
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    const timer = setTimeout(() => {
      errors ||= `no database after ${INITDB_TIMEOUT_MS / 1000} s`;
      child.kill('SIGKILL');
    }, INITDB_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', (error) => {
      errors ||= error.message;
      resolve(null);
    });
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  const created = code === 0 && existsSync(path.join(staging, 'PG_VERSION'));
  if (created) {
    // `dir` holds no database (checked above): at most what an earlier attempt left.
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } else {
    rmSync(staging, { recursive: true, force: true });
    const reason = errors.split('\n').find((line) => /error|no database/i.test(line))?.trim() ?? `exit code ${code}`;
    console.warn(`Creating the embedded database in the server process instead of a process of its own (${reason}).`);
  }
  return created;
}
