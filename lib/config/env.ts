import 'server-only';
import { z } from 'zod';

const emptyAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

export const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  // Connections each Muster process keeps to PostgreSQL; several instances share the server's limit.
  DATABASE_POOL_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).default(10)),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./.data')),
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('Muster <no-reply@localhost>')),
  APP_URL: z.preprocess(emptyAsUndefined, z.url().default('http://localhost:3000')),
  AUTH_SECRET: optionalString,
  TRAINER_EMAILS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((email) => email.trim().toLowerCase())
          .filter(Boolean),
      ),
  ),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  SEED_DEMO: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).default('1')),
  MAIL_WORKER: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('on')),
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).default('0')),
  // A police station's officers often share one public address, so the per-IP limit is generous.
  SIGN_IN_LIMIT_PER_IP: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
  // Public registrations per client IP per minute; shared station addresses need headroom here too.
  REGISTRATION_LIMIT_PER_IP: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(20)),
  // Certificate lookups (API, PDF download, verification pages) per client IP per minute: codes are secrets.
  CERTIFICATE_LOOKUP_LIMIT_PER_IP: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
});

export type TEnv = z.infer<typeof ZEnv>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; the error message is one line naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  const env = result.data;
  // Next sets NODE_ENV=production for every production build it serves; what the operator
  // declared is kept by server.ts, so a local run against a PostgreSQL server is not refused.
  const declared = source.MUSTER_DECLARED_NODE_ENV ?? env.NODE_ENV;
  if (declared === 'production' && env.DATABASE_URL) {
    for (const name of ['AUTH_SECRET', 'SMTP_URL'] as const) {
      if (!env[name]) {
        throw new ConfigError(`Missing configuration: ${name} must be set in production with DATABASE_URL`);
      }
    }
  }
  return env;
}

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

export function appHost(env: TEnv = getEnv()): string {
  return new URL(env.APP_URL).host;
}
