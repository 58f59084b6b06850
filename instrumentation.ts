// Runs once when a `next start` (or `next dev`) server starts, and on every
// error Next catches while rendering or handling a request.
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installShutdownHandlers } = await import("./server/shutdown");
  installShutdownHandlers();
}

/** A page or route handler that failed because Postgres is unreachable starts an outage: the proxy answers 503 until it is back. */
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteDatabaseError } = await import("./server/db/outage");
  noteDatabaseError(error);
};
