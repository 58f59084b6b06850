import { getDb } from "@/server/db/client";

/** Liveness and readiness for load balancers: 503 while Postgres is unreachable. */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "database unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
