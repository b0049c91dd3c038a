import { z } from 'zod';

export type THttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type TJsonSchema = Record<string, unknown>;

/** Everything the document says about one operation; a route list of these is the single source. */
export type TApiRoute<TResponseSchema extends string = string> = {
  operationId: string;
  method: THttpMethod;
  /** An OpenAPI path template, like `/api/v1/workshops/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** `optional`: public, but a trainer's token shows more (and a bad token is still refused). */
  /** bearer: a trainer's token; coordinator: a partner agency coordinator's, scoped to their agency. */
  auth: 'none' | 'bearer' | 'coordinator' | 'optional';
  pathParams?: Record<string, string>;
  /** The zod object that validates the query string, and words for its keys. */
  query?: { schema: z.ZodObject; descriptions?: Record<string, string> };
  /** The zod schema that validates the body, under the component name it is published as. */
  body?: { name: string; schema: z.ZodType };
  response: { status: 200 | 201 | 204; description: string; schema?: TResponseSchema };
  /** Failures beyond those the route's shape implies (token, path ids, input). */
  alsoFails?: readonly number[];
};

export type TOpenApiOperation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; description?: string; schema: TJsonSchema }[];
  requestBody?: { required: true; content: { 'application/json': { schema: TJsonSchema } } };
  responses: Record<string, { description: string; content?: { 'application/json': { schema: TJsonSchema } } }>;
};

export type TOpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  tags: { name: string }[];
  paths: Record<string, Partial<Record<THttpMethod, TOpenApiOperation>>>;
  components: {
    schemas: Record<string, TJsonSchema>;
    securitySchemes: { bearer: { type: 'http'; scheme: 'bearer'; description: string } };
  };
};

/** The one error shape every failure of the API has. */
export const ZApiError = z.object({
  error: z.object({
    code: z.string().describe('Stable, for programs: validation_failed, slug_taken, unauthorized, forbidden, not_found, …'),
    message: z.string().describe('For people.'),
    fields: z
      .record(z.string(), z.string())
      .optional()
      .describe('Per input field (dotted for nested, like `venue.name`; `_` for the body as a whole): what is wrong with it.'),
  }),
});

const ERROR_WORDS: Record<number, string> = {
  401: 'No API token, or one that is unknown or revoked.',
  403: 'The token belongs to someone who is not a trainer.',
  404: 'Nothing with that id (or nothing you may see).',
  409: 'The change conflicts with the current state.',
  422: 'The input needs attention: `error.fields` says what is wrong with each field.',
};

/**
 * `input` describes what a client sends (before transforms and defaults), `output` what it
 * receives. Refinements (a known time zone, end after start) have no JSON Schema form: the 422
 * answer states them. Answers stay open to new fields, so a client's validator keeps working
 * when one is added.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): TJsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: ({ jsonSchema: json }) => {
      if (io === 'output' && json.additionalProperties === false) delete json.additionalProperties;
    },
  }) as TJsonSchema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: TJsonSchema) => ({ 'application/json': { schema } });

function failuresOf(route: TApiRoute): number[] {
  const statuses = new Set(route.alsoFails ?? []);
  if (route.auth !== 'none') statuses.add(401);
  if (route.auth === 'bearer' || route.auth === 'coordinator') statuses.add(403);
  if (route.path.includes('{')) statuses.add(404);
  if (route.body || route.query) statuses.add(422);
  return [...statuses].sort((a, b) => a - b);
}

function parametersOf(route: TApiRoute): TOpenApiOperation['parameters'] {
  const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name: name!,
    in: 'path' as const,
    required: true,
    ...(route.pathParams?.[name!] ? { description: route.pathParams[name!] } : {}),
    schema: { type: 'string' },
  }));
  if (!route.query) return inPath.length ? inPath : undefined;
  const query = jsonSchema(route.query.schema, 'input') as { properties?: Record<string, TJsonSchema>; required?: string[] };
  const inQuery = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query' as const,
    required: query.required?.includes(name) ?? false,
    ...(route.query?.descriptions?.[name] ? { description: route.query.descriptions[name] } : {}),
    schema,
  }));
  return [...inPath, ...inQuery];
}

function operationOf(route: TApiRoute): TOpenApiOperation {
  const { response } = route;
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.auth === 'bearer' || route.auth === 'coordinator' ? { security: [{ bearer: [] }] } : {}),
    ...(route.auth === 'optional' ? { security: [{}, { bearer: [] }] } : {}),
    ...(parametersOf(route) ? { parameters: parametersOf(route) } : {}),
    ...(route.body ? { requestBody: { required: true as const, content: json(ref(route.body.name)) } } : {}),
    responses: {
      [String(response.status)]: { description: response.description, ...(response.schema ? { content: json(ref(response.schema)) } : {}) },
      ...Object.fromEntries(
        failuresOf(route).map((status) => [String(status), { description: ERROR_WORDS[status] ?? 'Refused.', content: json(ref('Error')) }]),
      ),
    },
  };
}

/**
 * The OpenAPI 3.1 document of a route list. Request bodies and query strings are described from
 * the same zod schemas that validate them, so the document cannot drift from the checks.
 */
export function buildOpenApiDocument<TName extends string>(spec: {
  info: TOpenApiDocument['info'];
  routes: readonly TApiRoute<TName>[];
  responseSchemas: Record<TName, z.ZodType>;
}): TOpenApiDocument {
  const schemas: Record<string, TJsonSchema> = { Error: jsonSchema(ZApiError, 'output') };
  for (const [name, schema] of Object.entries<z.ZodType>(spec.responseSchemas)) schemas[name] = jsonSchema(schema, 'output');
  const bodies = new Map<string, z.ZodType>();
  const paths: TOpenApiDocument['paths'] = {};
  for (const route of spec.routes) {
    if (route.body) {
      const known = bodies.get(route.body.name);
      if (known && known !== route.body.schema) throw new Error(`Two request bodies are both named ${route.body.name}.`);
      if (!known && schemas[route.body.name]) throw new Error(`${route.body.name} names both a request body and a response.`);
      bodies.set(route.body.name, route.body.schema);
      schemas[route.body.name] = jsonSchema(route.body.schema, 'input');
    }
    const operations = (paths[route.path] ??= {});
    if (operations[route.method]) throw new Error(`${route.method.toUpperCase()} ${route.path} is listed twice.`);
    operations[route.method] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: spec.info,
    tags: [...new Set(spec.routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token of a trainer, sent as `Authorization: Bearer mst_…`.' },
      },
    },
  };
}
