import { apiDocument } from '../_lib/routes';

export async function getOpenApiDocument(): Promise<Response> {
  return Response.json(apiDocument());
}
