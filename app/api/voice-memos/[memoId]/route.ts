import { handlePlayback } from "@/server/voice/http";

/** A voice memo's audio, with Range, for whoever may hear it now (server/voice/access.ts). */
export async function GET(request: Request, { params }: RouteContext<"/api/voice-memos/[memoId]">) {
  const { memoId } = await params;
  return handlePlayback(request, memoId);
}
