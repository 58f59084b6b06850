// Readiness, for load balancers and docker compose: 503 while the database is
// unreachable or this instance is shutting down, so traffic goes elsewhere.
import { getDb } from "@/server/db/client";
import { noteDatabaseError, noteDatabaseReachable } from "@/server/db/outage";
import { isShuttingDown } from "@/server/shutdown";

const NO_STORE = { "cache-control": "no-store" };

export async function GET() {
  if (isShuttingDown()) return Response.json({ status: "shutting down" }, { status: 503, headers: NO_STORE });
  try {
    await getDb().$queryRaw`SELECT 1`;
    noteDatabaseReachable();
    return Response.json({ status: "ready" }, { headers: NO_STORE });
  } catch (error) {
    noteDatabaseError(error);
    return Response.json({ status: "database unavailable" }, { status: 503, headers: NO_STORE });
  }
}
