import { exportDownload } from "@/server/api/export-download";
import { exportFileName } from "@/server/export/client-export";

/** One client's record for the therapist of that engagement (shape: server/export/therapist-export.ts); anyone else 404. */
export async function GET(request: Request, { params }: { params: Promise<{ engagementId: string }> }) {
  const { engagementId } = await params;
  return exportDownload(
    request,
    (caller) => caller.dataExport.engagement({ engagementId }),
    (timeZone) => exportFileName("alliance-client-record", timeZone),
  );
}
