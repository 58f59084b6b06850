import { exportDownload } from "@/server/api/export-download";
import { exportFileName } from "@/server/export/client-export";

/** The signed-in therapist's own homework templates as JSON (shape: server/export/therapist-export.ts). */
export function GET(request: Request) {
  return exportDownload(request, (caller) => caller.dataExport.templates(), (timeZone) => exportFileName("alliance-templates", timeZone));
}
