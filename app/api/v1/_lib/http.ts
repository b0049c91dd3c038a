/** 201 with where the new thing lives. */
export function created(body: { id: string }, location: string): Response {
  return Response.json(body, { status: 201, headers: { location } });
}

/** A path segment by name; '' when absent, which every domain lookup treats as unknown (404). */
export function param(params: Record<string, string>, name: string): string {
  return params[name] ?? '';
}
