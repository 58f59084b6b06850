import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";
import { logRequestError } from "@/server/api/call-log";
import { AuditBuffer } from "@/server/audit/record";
import { isCrossSiteRequest } from "@/server/auth/same-origin";
import { getDb } from "@/server/db/client";
import { DATABASE_UNAVAILABLE_MESSAGE, noteDatabaseError } from "@/server/db/outage";
import { getLogger, requestIdFrom, requestLogger } from "@/server/log";

const INTERNAL_MESSAGE = "Something went wrong on our side. Nothing was changed; please try again.";

async function handler(request: Request) {
  // One id for this request's log lines, echoed so a report can quote it.
  const requestId = requestIdFrom(request.headers);
  // CSRF (docs/security-and-privacy.md, S10): mutations come only as JSON from this origin.
  if (request.method === "POST" && isCrossSiteRequest(request)) {
    requestLogger({ requestId, route: "trpc" }).warn({ ok: false, code: "FORBIDDEN" }, "cross-site request refused");
    return Response.json({ error: "Cross-site requests are not accepted." }, { status: 403, headers: { "x-request-id": requestId } });
  }
  // The batch's audit events, written together once it has run (server/audit/record.ts).
  const audit = new AuditBuffer();
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createRequestContext(request.headers, requestId, audit),
    responseMeta: () => ({ headers: new Headers({ "cache-control": "no-store", "x-request-id": requestId }) }),
    // Procedures log their own calls; this catches what failed before one ran.
    onError: ({ error, path, ctx }) => logRequestError({ requestId, userId: ctx?.user?.id ?? null, path, error }),
  });
  try {
    await audit.flush(getDb());
  } catch (error) {
    // No record leaves without its audit event.
    const isOutage = noteDatabaseError(error);
    getLogger().error({ requestId, route: "trpc", err: error }, "audit write failed; answer withheld");
    const status = isOutage ? 503 : 500;
    const failure = { error: { message: isOutage ? DATABASE_UNAVAILABLE_MESSAGE : INTERNAL_MESSAGE, code: -32603, data: { code: isOutage ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR", httpStatus: status } } };
    const isBatch = new URL(request.url).searchParams.get("batch") === "1";
    const calls = isBatch ? decodeURIComponent(new URL(request.url).pathname.split("/").pop() ?? "").split(",").length : 1;
    return Response.json(isBatch ? Array.from({ length: calls }, () => failure) : failure, {
      status,
      headers: { "cache-control": "no-store", "x-request-id": requestId },
    });
  }
  return response;
}

export { handler as GET, handler as POST };
