// Liveness for load balancers and the benchmarks' baseline: no database, no session.
export function GET() {
  return Response.json({ ok: true });
}
