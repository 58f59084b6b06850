import { routeUser } from "@/server/auth/session";
import { crossSiteDownloadRefusal } from "@/server/auth/same-origin";
import { appUrl } from "@/server/env";
import { getDb } from "@/server/db/client";
import { SESSION_FIELDS } from "@/server/sessions/queries";
import { sessionWhereForUser } from "@/server/sessions/access";
import { sessionIcs } from "@/lib/sessions/ics";
import { now as clockNow } from "@/server/clock";

/**
 * The session as a calendar event, in the downloader's own time zone. It
 * names the other person and the place, never anything from the agenda or
 * notes: calendar files travel to other services.
 */
export async function GET(request: Request, { params }: RouteContext<"/api/sessions/[sessionId]/ics">) {
  const refusal = crossSiteDownloadRefusal(request);
  if (refusal) return refusal;
  const { sessionId } = await params;
  const user = await routeUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  // One query, through the session access rule; a malformed id is not found too.
  const session = await getDb()
    .therapySession.findFirst({
      where: { AND: [{ id: sessionId }, sessionWhereForUser(user)] },
      select: {
        ...SESSION_FIELDS,
        updatedAt: true,
        createdAt: true,
        engagement: { select: { therapist: { select: { name: true } }, client: { select: { name: true } } } },
      },
    })
    .catch(() => null);
  if (!session) return new Response("Not found.", { status: 404 });
  const other = user.role === "client" ? session.engagement.therapist.name : (session.engagement.client?.name ?? "your client");
  const ics = sessionIcs(
    session,
    { timeZone: user.timeZone, otherName: other },
    { sessionUrl: `${appUrl()}/sessions/${session.id}`, stampedAt: clockNow() },
  );
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="alliance-session-${session.id.slice(0, 8)}.ics"`,
      "cache-control": "no-store",
    },
  });
}
