/**
 * Trainer access from the command line, for the first trainer of a deployment or when nobody who
 * could sign in is left:
 *
 *   npm run trainer -- add --email <address>
 *   npm run trainer -- remove --email <address>
 *
 * Removing ends the person's sign-in sessions and revokes their API tokens at once. With the
 * embedded database (no DATABASE_URL) run it while the Muster server is stopped: only one
 * process may open it.
 */
import { emailOption, fail, parseCommandLine } from './_lib/command-line';

const USAGE = 'Usage: npm run trainer -- add|remove --email <address>';

function readCommandLine(argv: string[]): { command: 'add' | 'remove'; email: string } {
  const { values, positionals } = parseCommandLine(argv, { email: { type: 'string' } }, USAGE);
  const [command] = positionals;
  if ((command !== 'add' && command !== 'remove') || positionals.length > 1) {
    fail(positionals.length === 0 ? `Say what to do. ${USAGE}` : `Unknown command "${positionals.join(' ')}". ${USAGE}`);
  }
  return { command, email: emailOption(values.email, USAGE) };
}

const { command, email } = readCommandLine(process.argv.slice(2));

// Imported after the arguments are checked, so bad usage never opens the database.
const { closeDb, getDbHandle } = await import('@/db');
const { grantTrainerRole, userIdByEmail, withdrawTrainerRole } = await import('@/lib/trainers/trainers');
const { AppError } = await import('@/lib/errors/app-error');
const { describeError } = await import('@/lib/errors/describe-error');

try {
  const { db } = await getDbHandle();
  if (command === 'add') {
    const { alreadyTrainer } = await grantTrainerRole(db, 'command line', { email });
    console.error(alreadyTrainer ? `${email} is already a trainer.` : `${email} is now a trainer: they sign in at /signin with that address.`);
  } else {
    const userId = await userIdByEmail(db, email);
    if (!userId) throw new AppError('not_found', `${email} has no account in Muster.`, 404);
    await withdrawTrainerRole(db, 'command line', userId);
    console.error(`${email} is no longer a trainer: their sign-in sessions have ended and their API tokens are revoked.`);
  }
} catch (error) {
  await closeDb().catch(() => {});
  fail(`Could not ${command} the trainer: ${error instanceof AppError ? error.message : describeError(error).split('\n')[0]}`, 1);
}
await closeDb();
