import { routeUser } from "@/server/auth/session";
import { userTopic } from "@/server/notifications/notify";
import { sseResponse } from "@/server/live/sse";

// Per person, per request: never prerendered or cached.
export const dynamic = "force-dynamic";

/**
 * Server-sent events for the signed-in person's own notifications (the
 * bell). The topic comes from the session, never from the request, so no
 * one can listen to another person's.
 */
export async function GET(request: Request) {
  const user = await routeUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  return sseResponse(request, userTopic(user.id));
}
