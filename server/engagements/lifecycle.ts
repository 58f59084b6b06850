// Ending the work together. Either party may end an active engagement; its
// records then stay readable to both and nothing new can be added
// (a write on an engagement is refused unless it is active: server/api/resources.ts).
// An open conversation hears of it (its live topic), so its box closes at once.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError } from "../errors";
import type { TEngagementContext } from "./access";
import { now as clockNow } from "../clock";
import { publish } from "../live/bus";
import { conversationTopic } from "../messages/access";

export async function endEngagement(db: TDb, user: TSessionUser, engagement: TEngagementContext): Promise<void> {
  const now = clockNow();
  const ended = await db.engagement.updateMany({
    where: { id: engagement.id, status: "active" },
    data: { status: "ended", endedAt: now, endedById: user.id },
  });
  if (ended.count !== 1) throw new AppError("CONFLICT", "This work together has already ended.");
  await publish(db, conversationTopic(engagement.id));
}
