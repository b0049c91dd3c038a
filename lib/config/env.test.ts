import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env';

describe('parseEnv', () => {
  it('gives embedded defaults when nothing is set', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe('./.data');
    expect(env.APP_URL).toBe('http://localhost:3000');
    expect(env.MAIL_FROM).toBe('Muster <no-reply@localhost>');
    expect(env.PORT).toBe(3000);
    expect(env.TRAINER_EMAILS).toEqual([]);
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });

  it('takes a pool size from 1 to 100 connections', () => {
    expect(parseEnv({ DATABASE_POOL_SIZE: '4' }).DATABASE_POOL_SIZE).toBe(4);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('normalises the trainer list', () => {
    expect(parseEnv({ TRAINER_EMAILS: ' Ana@Example.org, ,bo@example.org' }).TRAINER_EMAILS).toEqual([
      'ana@example.org',
      'bo@example.org',
    ]);
  });

  it.each(['AUTH_SECRET', 'LINK_KEYS', 'SMTP_URL'])('stops production with a database server when %s is missing', (name) => {
    const source: Record<string, string> = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/muster',
      AUTH_SECRET: 'x'.repeat(32),
      LINK_KEYS: 'k'.repeat(32),
      SMTP_URL: 'smtp://mail:25',
    };
    delete source[name];
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(new RegExp(`^Missing configuration: ${name} `));
  });

  it('refuses an AUTH_SECRET or a link key shorter than 32 characters, naming the variable', () => {
    expect(() => parseEnv({ AUTH_SECRET: 'short-but-not-empty' })).toThrow(/^Invalid configuration: AUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ AUTH_SECRET: 'x'.repeat(32) })).not.toThrow();
    expect(() => parseEnv({ LINK_KEYS: `${'n'.repeat(32)}, tooshort` })).toThrow(/^Invalid configuration: LINK_KEYS /);
    expect(parseEnv({ LINK_KEYS: ` ${'n'.repeat(32)} ,${'o'.repeat(40)}` }).LINK_KEYS).toEqual(['n'.repeat(32), 'o'.repeat(40)]);
  });

  it.each([{}, { DATABASE_URL: 'postgres://db/muster', AUTH_SECRET: 'x'.repeat(32), LINK_KEYS: 'k'.repeat(32) }])(
    'stops production without SMTP on either database (%o), naming SMTP_URL',
    (extra) => {
      expect(() => parseEnv({ NODE_ENV: 'production', ...extra })).toThrow(/^Missing configuration: SMTP_URL /);
      expect(() => parseEnv({ NODE_ENV: 'production', LOCAL_MAILBOX: '1', ...extra })).not.toThrow();
    },
  );

  it('judges production by what the operator declared, and not while building', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', MUSTER_DECLARED_NODE_ENV: 'production' })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ NODE_ENV: 'production', MUSTER_DECLARED_NODE_ENV: 'development' })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })).not.toThrow();
  });

  it('loads demo data by default only outside production', () => {
    expect(parseEnv({}).SEED_DEMO).toBe('1');
    expect(parseEnv({ SEED_DEMO: '0' }).SEED_DEMO).toBe('0');
    expect(parseEnv({ NODE_ENV: 'production', LOCAL_MAILBOX: '1' }).SEED_DEMO).toBe('0');
    expect(parseEnv({ NODE_ENV: 'production', LOCAL_MAILBOX: '1', SEED_DEMO: '1' }).SEED_DEMO).toBe('1');
  });

  it('reads TRUST_PROXY as a hop count or a list of proxies, and names it when malformed', () => {
    expect(parseEnv({}).TRUST_PROXY).toEqual({ kind: 'hops', hops: 0 });
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toEqual({ kind: 'hops', hops: 2 });
    expect(parseEnv({ TRUST_PROXY: '10.0.0.0/8, ::1' }).TRUST_PROXY.kind).toBe('proxies');
    expect(() => parseEnv({ TRUST_PROXY: 'yes' })).toThrow(/^Invalid configuration: TRUST_PROXY has "yes"/);
    expect(() => parseEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('names the variable that is malformed', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ SMTP_URL: 'mail.example.org' })).toThrow(/SMTP_URL/);
  });
});
