import { attachmentHeaders, serveDownload } from "@/server/api/export-download";
import { clientArchiveStream } from "@/server/export/client-archive";
import { exportFileName } from "@/server/export/client-export";
import { clientExportHtml } from "@/components/account/export-document";

/**
 * The signed-in client's whole record as one .zip: the JSON, a printable copy
 * and their voice memos' audio (server/export/client-archive.ts).
 */
export function GET(request: Request) {
  return serveDownload(
    request,
    (caller) => caller.dataExport.mine(),
    async (data, scope) =>
      new Response(clientArchiveStream(scope, data, await clientExportHtml(data, scope.user.timeZone)), {
        headers: attachmentHeaders("application/zip", exportFileName("alliance-export", scope.user.timeZone, "zip")),
      }),
  );
}
