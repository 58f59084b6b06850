// How the work is going, for one engagement: the client's session feedback
// and check-ins (server/feedback/) and their standard measures
// (server/measures/), read in ONE statement so the pages that show both (the
// therapist's client page, the client's home) stay within the statement
// budget. Each module owns its part of the select and its shaping; this only
// joins them.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { TRENDS_SELECT, toTrends, type TTrends } from "../feedback/feedback";
import { measuresSelect, toMeasuresOverview, type TMeasuresOverview } from "../measures/measures";
import { now as clockNow } from "../clock";

export type TProgress = { feedback: TTrends; measures: TMeasuresOverview };

export async function progressFor(
  db: TDb,
  viewer: Pick<TSessionUser, "role" | "timeZone">,
  engagementId: string,
  nextSession: { id: string; startsAt: Date } | null,
  now = clockNow(),
): Promise<TProgress> {
  const row = await db.engagement.findUniqueOrThrow({
    where: { id: engagementId },
    select: { ...TRENDS_SELECT, ...measuresSelect(viewer) },
  });
  return { feedback: toTrends(row), measures: toMeasuresOverview(viewer, row, nextSession, now) };
}
