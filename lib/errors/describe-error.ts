import { AppError } from './app-error';
import { databaseFault } from './database-fault';

const EMAIL = /[^\s<>()"',;:@]+@[^\s<>()"',;:@]+\.[^\s<>()"',;:@]+/g;
// Tokens in links and headers (manage, feed, check-in, sign-in, API): long runs of URL-safe characters.
const TOKEN = /[A-Za-z0-9_-]{24,}/g;

/** Text with email addresses and token-like strings replaced, for messages of errors we did not write. */
export function redactText(text: string): string {
  return text.replace(EMAIL, '[email]').replace(TOKEN, '[token]');
}

/** Our own frames only: file paths and line numbers say where, never what. */
function stackFrames(error: Error): string {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length ? `\n${frames.slice(0, 12).join('\n')}` : '';
}

/**
 * An error as it may appear in a log: its kind, code, constraint and where it was thrown, never
 * bound values, names, emails, access needs or tokens. A failed query is described by its
 * SQLSTATE and constraint (drizzle's message carries the query's parameters, and PostgreSQL's
 * detail the offending value); an AppError by its code (its message may quote what was typed);
 * anything else by its name and its message with addresses and tokens removed.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown (${typeof error})`;
  const fault = databaseFault(error);
  if (fault) {
    const where = [fault.constraint && `constraint ${fault.constraint}`, fault.table && `table ${fault.table}`, fault.column && `column ${fault.column}`];
    return `database error ${fault.sqlState}${where.filter(Boolean).map((part) => `, ${part}`).join('')}${stackFrames(error)}`;
  }
  if (error instanceof AppError) return `${error.name} ${error.code} (${error.status})${stackFrames(error)}`;
  const code = (error as { code?: unknown }).code;
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  const label = [error.name, typeof code === 'string' ? code : undefined, typeof responseCode === 'number' ? `SMTP ${responseCode}` : undefined];
  return `${label.filter(Boolean).join(' ')}: ${redactText(error.message)}${stackFrames(error)}`;
}
