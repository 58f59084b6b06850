// Liveness: the process is up and answering. Never touches the database, so
// an orchestrator does not restart every instance during a database outage
// (readiness, /api/health/ready, takes them out of rotation instead).
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
