import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";
import { isCrossSiteRequest } from "@/server/auth/same-origin";

function handler(request: Request) {
  // CSRF (quality.md, item 10): mutations come only as JSON from this origin.
  if (request.method === "POST" && isCrossSiteRequest(request)) {
    return Response.json({ error: "Cross-site requests are not accepted." }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createRequestContext(request.headers),
    responseMeta: () => ({ headers: new Headers({ "cache-control": "no-store" }) }),
  });
}

export { handler as GET, handler as POST };
