import 'server-only';
import { getEnv } from './env';
import { keptSecret } from './kept-secret';

/**
 * A local run needs no configuration: the secret is made once and kept under DATA_DIR, so
 * sign-in sessions survive restarts. Production with a database server must set AUTH_SECRET
 * (parseEnv refuses to start otherwise).
 */
export function getAuthSecret(): string {
  const env = getEnv();
  return env.AUTH_SECRET ?? keptSecret(env.DATA_DIR, 'auth-secret');
}
