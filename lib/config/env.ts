import 'server-only';
import { z } from 'zod';
import { parseTrustProxy, TrustProxyError } from '@/lib/http/forwarded-for';

const emptyAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;


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
  // Signs sign-in sessions; a short secret can be guessed offline from one session cookie.
  AUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  // Keys that sign manage, calendar-feed and check-in links, newest first (see lib/config/link-keys.ts).
  LINK_KEYS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((list) =>
        (list ?? '')
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean),
      )
      .refine((keys) => keys.every((key) => key.length >= 32), 'must list keys of at least 32 characters each, separated by commas'),
  ),
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
  // Unset: demo data on a first embedded start, never in production (see parseEnv).
  SEED_DEMO: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).optional()),
  // `1` keeps mail in the local mailbox even in production: a deliberate choice, never a default.
  LOCAL_MAILBOX: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).default('0')),
  MAIL_WORKER: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('on')),
  TRUST_PROXY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('0')
      .transform((value, context) => {
        try {
          return parseTrustProxy(value);
        } catch (error) {
          if (!(error instanceof TrustProxyError)) throw error;
          context.addIssue({ code: 'custom', message: error.message });
          return z.NEVER;
        }
      }),
  ),
  // A police station's officers often share one public address, so the per-IP limit is generous.
  SIGN_IN_LIMIT_PER_IP: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
  // Public registrations per client IP per minute; shared station addresses need headroom here too.
  REGISTRATION_LIMIT_PER_IP: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(20)),
  // Certificate lookups (API, PDF download, verification pages) per client IP per minute: codes are secrets.
  CERTIFICATE_LOOKUP_LIMIT_PER_IP: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
});

export type TEnv = Omit<z.infer<typeof ZEnv>, 'SEED_DEMO'> & { SEED_DEMO: '0' | '1' };

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
  const parsed = result.data;
  // Next sets NODE_ENV=production for every production build it serves; what the operator
  // declared is kept by server.ts, so a local run against a PostgreSQL server is not refused.
  const declared = source.MUSTER_DECLARED_NODE_ENV ?? parsed.NODE_ENV;
  // `next build` loads route modules with NODE_ENV=production, but building is not starting a server.
  const production = declared === 'production' && source.NEXT_PHASE !== 'phase-production-build';
  if (production && parsed.DATABASE_URL && !parsed.AUTH_SECRET) {
    throw new ConfigError('Missing configuration: AUTH_SECRET must be set in production with DATABASE_URL');
  }
  // Several instances must sign links alike, so the key cannot be a file each one makes for itself.
  if (production && parsed.DATABASE_URL && parsed.LINK_KEYS.length === 0) {
    throw new ConfigError('Missing configuration: LINK_KEYS must be set in production with DATABASE_URL');
  }
  // Without SMTP, sign-in links wait in the local mailbox; a production server must not rely on that by accident.
  if (production && !parsed.SMTP_URL && parsed.LOCAL_MAILBOX !== '1') {
    throw new ConfigError('Missing configuration: SMTP_URL must be set in production (or LOCAL_MAILBOX=1 to keep mail in the local mailbox)');
  }
  return { ...parsed, SEED_DEMO: parsed.SEED_DEMO ?? (production ? '0' : '1') };
}

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

export function appHost(env: TEnv = getEnv()): string {
  return new URL(env.APP_URL).host;
}
