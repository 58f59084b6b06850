import { handleUpload } from "@/server/voice/http";

/** A client's new voice memo: the raw audio as the body (server/voice/http.ts). */
export function POST(request: Request) {
  return handleUpload(request);
}
