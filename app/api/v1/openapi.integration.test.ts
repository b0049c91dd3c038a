import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZAgencyCreate, ZAgencyPatch } from '@/lib/agencies/schemas';
import type { TOpenApiOperation } from '@/lib/api/openapi';
import { ZSessionCreate, ZSessionPatch } from '@/lib/sessions/schemas';
import { ZWorkshopCreate, ZWorkshopPatch } from '@/lib/workshops/schemas';
import { handlers } from './_handlers';
import { apiDocument, apiRoutes } from './_lib/routes';

const root = import.meta.dirname;

/** `METHOD /api/v1/path operationId` for every export of every route file, read from the files themselves. */
function routesInFiles(): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'route.ts') continue;
    const dir = path.relative(root, entry.parentPath);
    const urlPath = `/api/v1/${dir.split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}');
    const source = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const [, method, expression] of source.matchAll(/^export const (GET|POST|PUT|PATCH|DELETE) = (.+);$/gm)) {
      const operationId = [...expression!.matchAll(/handlers\.(\w+)/g)].at(-1)?.[1];
      found.push(`${method} ${urlPath} ${operationId}`);
    }
    expect(source, dir).not.toMatch(/export (async )?function (GET|POST|PUT|PATCH|DELETE)/);
  }
  return found.sort();
}

const operations = () =>
  Object.entries(apiDocument().paths).flatMap(([p, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({ path: p, method, op: op as TOpenApiOperation })),
  );

const withoutDialect = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
};

describe('the OpenAPI document', () => {
  it('lists exactly the routes the route files serve, wired to the handler of the same operation', () => {
    const listed = apiRoutes.map((r) => `${r.method.toUpperCase()} ${r.path} ${r.operationId}`).sort();
    expect(routesInFiles()).toEqual(listed);
    const documented = operations().map(({ path: p, method, op }) => `${method.toUpperCase()} ${p} ${op.operationId}`).sort();
    expect(documented).toEqual(listed);
    expect(Object.keys(handlers).sort()).toEqual(apiRoutes.map((r) => r.operationId).sort());
  });

  it('covers the whole API v1', () => {
    expect(apiRoutes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort()).toEqual(
      [
        'GET /api/v1/workshops',
        'POST /api/v1/workshops',
        'GET /api/v1/workshops/{id}',
        'PATCH /api/v1/workshops/{id}',
        'POST /api/v1/workshops/{id}/publish',
        'POST /api/v1/workshops/{id}/unpublish',
        'POST /api/v1/workshops/{id}/archive',
        'GET /api/v1/workshops/{id}/sessions',
        'POST /api/v1/workshops/{id}/sessions',
        'GET /api/v1/sessions',
        'GET /api/v1/sessions/{id}',
        'PATCH /api/v1/sessions/{id}',
        'GET /api/v1/sessions/{id}/calendar.ics',
        'GET /api/v1/agencies',
        'POST /api/v1/agencies',
        'GET /api/v1/agencies/{id}',
        'PATCH /api/v1/agencies/{id}',
        'DELETE /api/v1/agencies/{id}',
        'POST /api/v1/sessions/{id}/registrations',
        'POST /api/v1/sessions/{id}/nominations',
        'GET /api/v1/sessions/{id}/registrations',
        'POST /api/v1/registrations/{id}/cancel',
        'POST /api/v1/registrations/{id}/approve',
        'POST /api/v1/registrations/{id}/decline',
        'POST /api/v1/registrations/{id}/substitute',
        'PUT /api/v1/registrations/{id}/attendance',
        'POST /api/v1/sessions/{id}/certificates',
        'GET /api/v1/certificates/{code}',
        'GET /api/v1/certificates/{code}/pdf',
        'POST /api/v1/certificates/{code}/revoke',
        'POST /api/v1/certificates/{code}/reissue',
        'GET /api/v1/audit',
        'GET /api/v1/openapi.json',
      ].sort(),
    );
  });

  it('is an OpenAPI 3.1 document with a bearer scheme, used by exactly the trainer routes', () => {
    const doc = apiDocument();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    for (const route of apiRoutes) {
      const op = doc.paths[route.path]![route.method]!;
      const expected = { bearer: [{ bearer: [] }], coordinator: [{ bearer: [] }], optional: [{}, { bearer: [] }], none: undefined }[route.auth];
      expect(op.security, route.operationId).toEqual(expected);
    }
    expect(doc.paths['/api/v1/sessions/{id}']!.get!.security).toBeUndefined();
    expect(doc.paths['/api/v1/sessions/{id}']!.patch!.security).toEqual([{ bearer: [] }]);
  });

  it('describes every failure with the one error schema', () => {
    const doc = apiDocument();
    expect(doc.components.schemas.Error).toMatchObject({
      type: 'object',
      required: ['error'],
      properties: { error: { required: ['code', 'message'], properties: { fields: { type: 'object' } } } },
    });
    for (const { path: p, method, op } of operations()) {
      const route = apiRoutes.find((r) => r.operationId === op.operationId)!;
      const failures = Object.keys(op.responses).filter((status) => Number(status) >= 400);
      for (const status of failures) {
        expect(op.responses[status]!.content?.['application/json'].schema, `${method} ${p} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
      if (route.auth === 'bearer') expect(failures).toEqual(expect.arrayContaining(['401', '403']));
      if (p.includes('{id}')) expect(failures).toContain('404');
      if ('body' in route || 'query' in route) expect(failures).toContain('422');
      expect(Object.keys(op.responses)).toContain(String(route.response.status));
    }
  });

  it('builds request bodies from the zod schemas that validate them', () => {
    const doc = apiDocument();
    const bodies = { WorkshopCreate: ZWorkshopCreate, WorkshopPatch: ZWorkshopPatch, SessionCreate: ZSessionCreate, SessionPatch: ZSessionPatch, AgencyCreate: ZAgencyCreate, AgencyPatch: ZAgencyPatch };
    for (const [name, schema] of Object.entries(bodies)) expect(doc.components.schemas[name], name).toEqual(withoutDialect(schema));
    expect(doc.components.schemas.SessionCreate).toMatchObject({
      required: ['startsAt', 'endsAt', 'timeZone', 'capacity'],
      properties: { startsAt: { type: 'string', format: 'date-time' }, capacity: { type: 'integer', minimum: 1 } },
    });
    const create = doc.paths['/api/v1/workshops/{id}/sessions']!.post!;
    expect(create.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/SessionCreate' } } } });
  });

  it('names the path and query parameters', () => {
    const doc = apiDocument();
    for (const { path: p, method, op } of operations()) {
      const inPath = (op.parameters ?? []).filter((q) => q.in === 'path').map((q) => q.name);
      expect(inPath, `${method} ${p}`).toEqual([...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    }
    const query = doc.paths['/api/v1/sessions']!.get!.parameters!;
    expect(query.map((q) => q.name).sort()).toEqual(['cursor', 'from', 'hasSeats', 'joint', 'limit', 'mode', 'q', 'to', 'topic']);
    expect(query.every((q) => q.in === 'query' && !q.required && q.description)).toBe(true);
    expect(query.find((q) => q.name === 'limit')!.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 50 });
  });

  it('points every reference at a component it defines', () => {
    const doc = apiDocument();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const name of refs) expect(doc.components.schemas, name).toHaveProperty(name);
    expect(doc.components.schemas.PublicSession!.properties).not.toHaveProperty('onlineUrl');
  });

  it('is served as JSON', async () => {
    const response = await handlers.getOpenApiDocument();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(apiDocument());
  });
});
