import 'server-only';
import { getEnv } from '@/lib/config/env';

/**
 * Whether a state-changing request came from one of Muster's own pages. Browsers always send
 * Origin with a POST from script; another site's page cannot make it ours, and cannot set the
 * Host headers it is compared with without a CORS preflight this route never grants. Server
 * actions get this check from Next; a route handler has to make it itself.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (origin === new URL(getEnv().APP_URL).origin) return true;
  const served = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host') || new URL(request.url).host;
  return host === served;
}
