// Serving an export as a JSON file download. The procedure decides who may
// have it (routers/data-export.ts); this only carries the answer: started
// by another site → 403 (server/auth/same-origin.ts); no session → 401;
// anything else refused (another's record, the wrong role, a malformed id)
// → 404, so a download link never tells whether a record exists.
import "server-only";
import { TRPCError } from "@trpc/server";
import { createCaller } from "./root";
import { createRequestContext } from "./context";
import { crossSiteDownloadRefusal } from "../auth/same-origin";

type TCaller = ReturnType<typeof createCaller>;

export async function exportDownload(
  request: Request,
  load: (caller: TCaller) => Promise<unknown>,
  fileName: (timeZone: string) => string,
): Promise<Response> {
  const refusal = crossSiteDownloadRefusal(request);
  if (refusal) return refusal;
  const ctx = await createRequestContext(request.headers);
  let data: unknown;
  try {
    data = await load(createCaller(ctx));
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "UNAUTHORIZED") return new Response("Please sign in.", { status: 401, headers: { "cache-control": "no-store" } });
    if (error.code === "SERVICE_UNAVAILABLE") return new Response(error.message, { status: 503, headers: { "cache-control": "no-store" } });
    return new Response("Not found.", { status: 404, headers: { "cache-control": "no-store" } });
  }
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName(ctx.user?.timeZone ?? "UTC")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
