/**
 * Personal API tokens from the command line, for a first integration or an automated setup:
 *
 *   npm run token -- create --email <address> [--name <label>]
 *
 * Makes the person a trainer (creating them if new), creates a token and prints it alone on the
 * last line of stdout; everything meant for people goes to stderr. With the embedded database
 * (no DATABASE_URL) run it while the Muster server is stopped: only one process may open it.
 */
import { emailOption, fail, parseCommandLine } from './_lib/command-line';

const USAGE = 'Usage: npm run token -- create --email <address> [--name <label>]';

function readCommandLine(argv: string[]): { email: string; name: string } {
  const { values, positionals } = parseCommandLine(argv, { email: { type: 'string' }, name: { type: 'string' } }, USAGE);
  if (positionals[0] !== 'create' || positionals.length > 1) {
    fail(positionals.length === 0 ? `Say what to do. ${USAGE}` : `Unknown command "${positionals.join(' ')}". ${USAGE}`);
  }
  const email = emailOption(values.email, USAGE);
  const name = (typeof values.name === 'string' ? values.name : 'Command line').trim();
  if (!name) fail(`--name cannot be empty. ${USAGE}`);
  if (name.length > 100) fail('--name can be at most 100 characters.');
  return { email, name };
}

const { email, name } = readCommandLine(process.argv.slice(2));

// Imported after the arguments are checked, so bad usage never opens the database.
const { closeDb, getDbHandle } = await import('@/db');
const { createApiToken, ensureTrainer } = await import('@/lib/api-tokens/api-tokens');
const { AppError } = await import('@/lib/errors/app-error');

try {
  const handle = await getDbHandle();
  const trainer = await ensureTrainer(handle.db, email);
  const { token } = await createApiToken(handle.db, trainer, name);
  const where = handle.driver === 'pglite' ? 'the embedded database' : 'PostgreSQL';
  console.error(`Created API token "${name}" for ${email} (trainer) in ${where}. Store it now: it is not shown again.`);
  process.stdout.write(`${token}\n`);
} catch (error) {
  await closeDb().catch(() => {});
  const message = error instanceof AppError ? error.message : ((error as Error).message ?? String(error)).split('\n')[0];
  fail(`Could not create a token: ${message}`, 1);
}
await closeDb();
