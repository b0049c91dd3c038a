/**
 * Muster's server: builds when the sources are newer than the last build, then serves the
 * production build. Migrations, demo data and the mail worker start from instrumentation.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { withRequestAddress } from '@/lib/audit/request-address';
import { CLIENT_IP_HEADER, stampFor } from '@/lib/http/client-ip';
import { withScriptHashPolicy } from '@/lib/http/hashed-html-response';
import { securityHeaders } from '@/lib/http/security-headers';
import { ConfigError, parseEnv } from '@/lib/config/env';
import { DEMO_TRAINER_EMAIL } from '@/db/demo';
import { runShutdownHooks } from '@/lib/startup/shutdown';

const root = import.meta.dirname;
process.env.MUSTER_DECLARED_NODE_ENV ??= process.env.NODE_ENV ?? 'development';

let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const SOURCES = ['app', 'lib', 'db', 'emails', 'public', 'instrumentation.ts', 'next.config.mjs', 'postcss.config.mjs', 'package-lock.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function buildIfNeeded() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((entry) => newestMtime(path.join(root, entry))));
  if (builtAt > changedAt) return;
  console.log(builtAt ? 'Sources changed since the last build: building Muster…' : 'Building Muster (first start)…');
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

buildIfNeeded();

const { default: next } = await import('next');
const app = next({ dev: false, dir: root, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

let stopping = false;
const everyResponse = Object.entries(securityHeaders(env.APP_URL));
const server = createServer((req, res) => {
  for (const [name, value] of everyResponse) res.setHeader(name, value);
  // While stopping, a kept-alive connection closes after this answer instead of bringing more.
  if (stopping) res.setHeader('Connection', 'close');
  withScriptHashPolicy(req, res);
  const stamp = stampFor(req.socket.remoteAddress, req.headers, env.TRUST_PROXY);
  Object.assign(req.headers, stamp);
  void withRequestAddress(stamp[CLIENT_IP_HEADER], () => handle(req, res));
});

server.listen(env.PORT, () => {
  console.log(`Muster is running at ${env.APP_URL} (port ${env.PORT}).`);
  if (!env.SMTP_URL) {
    console.log(
      `To sign in as the demo trainer: open ${env.APP_URL}/signin, enter ${DEMO_TRAINER_EMAIL}, then open ${env.APP_URL}/dev/mailbox and follow the link in the newest message.`,
    );
  }
});

/** How long stopping waits for the requests being answered: well inside the 10 s a container gets before SIGKILL, so the database still closes cleanly. */
const DRAIN_MS = 5_000;

/**
 * Stops taking requests, lets those being answered finish (so none fails on a database closing
 * under it), then stops the mail worker and closes the database.
 */
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping Muster…`);
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  const idleCloser = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, DRAIN_MS))]);
  clearInterval(idleCloser);
  server.closeAllConnections();
  await runShutdownHooks();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
