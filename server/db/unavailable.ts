// Recognises "Postgres is down or unreachable" among the errors Prisma and
// the pg driver raise, so the API can answer 503 instead of 500 (docs/house-style.md,
// H11). Walks the cause chain: the adapter wraps the driver's error.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "P1001", // Prisma: can't reach database server
  "P1017", // Prisma: server closed the connection
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth += 1) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown; meta?: unknown };
    if (typeof candidate.code === "string" && UNAVAILABLE_CODES.has(candidate.code)) return true;
    // Raw queries wrap the adapter's error in `meta.driverAdapterError` (P2010).
    const adapterError = (candidate.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
    if (adapterError && isDatabaseUnavailable(adapterError)) return true;
    if (candidate.kind === "DatabaseNotReachable" || candidate.kind === "ConnectionClosed") return true;
    if (typeof candidate.message === "string" && /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|Can't reach database server/.test(candidate.message)) {
      return true;
    }
    current = candidate.cause;
  }
  return false;
}
