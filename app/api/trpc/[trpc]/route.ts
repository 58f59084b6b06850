import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";
import { logRequestError } from "@/server/api/call-log";
import { isCrossSiteRequest } from "@/server/auth/same-origin";
import { requestIdFrom, requestLogger } from "@/server/log";

function handler(request: Request) {
  // One id for this request's log lines, echoed so a report can quote it.
  const requestId = requestIdFrom(request.headers);
  // CSRF (quality.md, item 10): mutations come only as JSON from this origin.
  if (request.method === "POST" && isCrossSiteRequest(request)) {
    requestLogger({ requestId, route: "trpc" }).warn({ ok: false, code: "FORBIDDEN" }, "cross-site request refused");
    return Response.json({ error: "Cross-site requests are not accepted." }, { status: 403, headers: { "x-request-id": requestId } });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createRequestContext(request.headers, requestId),
    responseMeta: () => ({ headers: new Headers({ "cache-control": "no-store", "x-request-id": requestId }) }),
    // Procedures log their own calls; this catches what failed before one ran.
    onError: ({ error, path, ctx }) => logRequestError({ requestId, userId: ctx?.user?.id ?? null, path, error }),
  });
}

export { handler as GET, handler as POST };
