import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';

/** Says what went wrong on stderr and stops: 2 for bad usage, 1 for a failure. */
export function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

type TOptions = NonNullable<ParseArgsConfig['options']>;

/** Parses a command line strictly, with `--help`/`-h`; bad usage ends with the usage line. */
export function parseCommandLine(argv: string[], options: TOptions, usage: string): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    // Node's messages go on with advice about `--`; the first sentence is the one that helps.
    fail(`${(error as Error).message.split(/\.\s|\n/)[0]!.replace(/\.$/, '')}. ${usage}`);
  }
  if (parsed.values.help) {
    console.error(usage);
    process.exit(0);
  }
  // No option here is `multiple`, so no value is an array.
  return parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
}

/** The `--email` value, lower-cased, or a stop naming what was wrong. */
export function emailOption(value: string | boolean | undefined, usage: string): string {
  if (typeof value !== 'string') fail(`Missing --email. ${usage}`);
  const email = value.trim().toLowerCase();
  if (!z.email().safeParse(email).success) fail(`"${value}" is not an email address. ${usage}`);
  return email;
}
