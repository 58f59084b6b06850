// Serving an export as a file download. The procedure decides who may have
// it (routers/data-export.ts); this only carries the answer, the same way for
// every download: started by another site → 403 (server/auth/same-origin.ts);
// no session → 401; anything else refused (another's record, the wrong role,
// a malformed id) → 404, so a download link never tells whether a record
// exists. Only once the procedure has answered (and recorded its audit event)
// is the file made: JSON here (exportDownload), or the client's archive
// (app/api/account/export, server/export/client-archive.ts).
import "server-only";
import { TRPCError } from "@trpc/server";
import { createCaller } from "./root";
import { createRequestContext } from "./context";
import { crossSiteDownloadRefusal } from "../auth/same-origin";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";

type TCaller = ReturnType<typeof createCaller>;

/** Who the file is for, once the procedure has let them have it. */
export type TDownloadScope = { db: TDb; user: TSessionUser };

const NOT_SERVED = { "cache-control": "no-store" };

/**
 * The refusals every download shares, then `serve` with the procedure's
 * answer. A file is never made for a request the procedure refused.
 */
export async function serveDownload<TData>(
  request: Request,
  load: (caller: TCaller) => Promise<TData>,
  serve: (data: TData, scope: TDownloadScope) => Response | Promise<Response>,
): Promise<Response> {
  const refusal = crossSiteDownloadRefusal(request);
  if (refusal) return refusal;
  const ctx = await createRequestContext(request.headers);
  let data: TData;
  try {
    data = await load(createCaller(ctx));
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "UNAUTHORIZED") return new Response("Please sign in.", { status: 401, headers: NOT_SERVED });
    if (error.code === "SERVICE_UNAVAILABLE") return new Response(error.message, { status: 503, headers: NOT_SERVED });
    return new Response("Not found.", { status: 404, headers: NOT_SERVED });
  }
  // Every export procedure needs a signed-in user; one that answered without is a bug, not a download.
  if (!ctx.user) throw new Error("An export procedure answered a request with no signed-in user.");
  return serve(data, { db: ctx.db, user: ctx.user });
}

/** The headers of a served download: a file to save, never cached, never sniffed as something else. */
export function attachmentHeaders(contentType: string, fileName: string): HeadersInit {
  return {
    "content-type": contentType,
    "content-disposition": `attachment; filename="${fileName}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}

/** An export as a JSON file, named on the downloader's own calendar. */
export function exportDownload(request: Request, load: (caller: TCaller) => Promise<unknown>, fileName: (timeZone: string) => string): Promise<Response> {
  return serveDownload(
    request,
    load,
    (data, { user }) => new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: attachmentHeaders("application/json; charset=utf-8", fileName(user.timeZone)) }),
  );
}
