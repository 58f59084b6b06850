import { routeUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { findEngagementForUser } from "@/server/engagements/access";
import { conversationTopic } from "@/server/messages/access";
import { sseResponse } from "@/server/live/sse";

// Per person, per request: never prerendered or cached.
export const dynamic = "force-dynamic";

/** Server-sent events for one open conversation; the same access rule as the engagement itself. */
export async function GET(request: Request, { params }: RouteContext<"/api/live/conversations/[engagementId]">) {
  const { engagementId } = await params;
  const user = await routeUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  try {
    const engagement = await findEngagementForUser(getDb(), user, engagementId);
    return sseResponse(request, conversationTopic(engagement.id));
  } catch {
    return new Response("Not found.", { status: 404 });
  }
}
