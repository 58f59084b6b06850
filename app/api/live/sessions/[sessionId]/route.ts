import { routeUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { findSessionForUser } from "@/server/sessions/access";
import { sessionTopic } from "@/server/sessions/live";
import { sseResponse } from "@/server/live/sse";

/** Server-sent events for one session view; the same access rule as the session itself. */
export async function GET(request: Request, { params }: RouteContext<"/api/live/sessions/[sessionId]">) {
  const { sessionId } = await params;
  const user = await routeUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  try {
    const session = await findSessionForUser(getDb(), user, sessionId);
    return sseResponse(request, sessionTopic(session.id));
  } catch {
    return new Response("Not found.", { status: 404 });
  }
}
