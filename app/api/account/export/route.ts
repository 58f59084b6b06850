import { exportDownload } from "@/server/api/export-download";
import { exportFileName } from "@/server/export/client-export";

/** The signed-in client's whole record as JSON (shape: server/export/client-export.ts). */
export function GET(request: Request) {
  return exportDownload(request, (caller) => caller.dataExport.mine(), (timeZone) => exportFileName("alliance-export", timeZone));
}
