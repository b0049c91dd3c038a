import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Creates a new embedded database directory in a short-lived process of its own. PGlite runs
 * initdb in a second WebAssembly instance whose memory stays with the process that ran it (about
 * 500 MB that garbage collection never returns), so doing it here would keep a first start's
 * server that much larger for as long as it runs. Returns false when that process could not do
 * it (PGlite not resolvable from the working directory, say): the caller then creates it itself.
 */
export async function initEmbeddedDataDir(dir: string, cwd = process.cwd()): Promise<boolean> {
  if (existsSync(path.join(dir, 'PG_VERSION'))) return true;
  const script = `import { PGlite } from '@electric-sql/pglite'; const db = await PGlite.create(${JSON.stringify(dir)}); await db.close();`;
  let errors = '';
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', (error) => {
      errors ||= error.message;
      resolve(null);
    });
    child.once('exit', resolve);
  });
  const created = code === 0 && existsSync(path.join(dir, 'PG_VERSION'));
  if (!created) {
    const reason = errors.split('\n').find((line) => /error/i.test(line))?.trim() ?? `exit code ${code}`;
    console.warn(`Creating the embedded database in the server process instead of a process of its own (${reason}).`);
  }
  return created;
}
