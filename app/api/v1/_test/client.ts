import type { Db } from '@/db';
import { handlers } from '@/app/api/v1/_handlers';
import { respond } from '@/app/api/v1/_lib/api-handler';
import { apiRoutes } from '@/app/api/v1/_lib/routes';

// Answers are read loosely in tests; their shape is what the assertions check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TJson = any;
export type TApiAnswer = { status: number; body: TJson; headers: Headers };
type TCall = { token?: string; body?: unknown; rawBody?: string };

function routeFor(method: string, pathname: string) {
  const segments = pathname.split('/');
  for (const route of apiRoutes) {
    if (route.method !== method) continue;
    const template = route.path.split('/');
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = template.every((part, i) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name) params[name] = decodeURIComponent(segments[i]!);
      return name !== undefined || part === segments[i];
    });
    if (matches) return { route, params };
  }
  throw new Error(`No API route for ${method.toUpperCase()} ${pathname}`);
}

/**
 * Calls the API as a client would, minus HTTP: finds the route in the route list, builds a real
 * Request and runs the handler with the test's database, errors turned into answers as in production.
 */
export function apiClient(db: Db) {
  async function call(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, options: TCall = {}): Promise<TApiAnswer> {
    const url = new URL(path, 'http://muster.test');
    const { route, params } = routeFor(method, url.pathname);
    const headers = new Headers();
    if (options.token !== undefined) headers.set('authorization', `Bearer ${options.token}`);
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers.set('content-type', 'application/json');
    const request = new Request(url, { method: method.toUpperCase(), headers, body });
    const response = await respond(handlers[route.operationId], { db, request, params });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }
  return {
    get: (path: string, options?: TCall) => call('get', path, options),
    post: (path: string, body?: unknown, options?: TCall) => call('post', path, { ...options, body }),
    put: (path: string, body?: unknown, options?: TCall) => call('put', path, { ...options, body }),
    patch: (path: string, body?: unknown, options?: TCall) => call('patch', path, { ...options, body }),
    delete: (path: string, options?: TCall) => call('delete', path, options),
    call,
  };
}
