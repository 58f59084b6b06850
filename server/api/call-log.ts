// One log line per tRPC call: route (the procedure's path), user, outcome and
// duration, on the request's logger (requestId, userId, route). Never input,
// output or an error's message: see server/log.ts.
import type { TRPCError } from "@trpc/server";
import { requestLogger, type TLogger } from "../log";

// Errors already logged by the call that raised them, so the HTTP handler's
// onError logs only the ones no procedure saw (unknown path, unreadable batch).
const loggedErrors = new WeakSet<TRPCError>();

/** Refusals (4xx) are ordinary traffic; a bug or an unreachable database is not. */
function logError(log: TLogger, error: TRPCError, fields: Record<string, unknown>, what: string): void {
  loggedErrors.add(error);
  const line = { ...fields, ok: false, code: error.code };
  if (error.code === "INTERNAL_SERVER_ERROR") {
    // What it was and where, never what it said (the logger's `err` serializer, server/log.ts).
    log.error({ ...line, err: error.cause ?? error }, `${what} failed`);
  } else if (error.code === "SERVICE_UNAVAILABLE") {
    log.warn({ ...line, err: error.cause ?? error }, `${what} failed: database unavailable`);
  } else {
    log.info(line, `${what} refused`);
  }
}

export function logCall(log: TLogger, call: { type: string; durationMs: number; error: TRPCError | null }): void {
  const fields = { type: call.type, durationMs: Math.round(call.durationMs * 10) / 10 };
  if (call.error) logError(log, call.error, fields, "call");
  else log.info({ ...fields, ok: true }, "call");
}

/** From the HTTP handler's onError: errors raised before any procedure ran. */
export function logRequestError(request: { requestId: string; userId: string | null; path: string | undefined; error: TRPCError }): void {
  if (loggedErrors.has(request.error)) return;
  const log = requestLogger({ requestId: request.requestId, userId: request.userId, route: request.path?.slice(0, 100) ?? "trpc" });
  logError(log, request.error, {}, "request");
}
