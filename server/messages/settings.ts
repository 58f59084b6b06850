// The therapist's rules for messages (issue 25): per client, who may write
// and the expected reply time; for all their clients at once, a pause (a
// holiday) with a notice each client sees instead of the box.
//
// INVARIANTS
// - Only the engagement's therapist sets its rules (the resource factory
//   loads the engagement for them; a client is refused by role).
// - Turning messages off closes the box; what was written stays readable.
// - A pause is the therapist's own setting, by their session id only.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import type { TEngagementContext } from "../engagements/access";
import { now as clockNow } from "../clock";
import { publish, publishAll } from "../live/bus";
import type { TConversationSettings, TMessagePause } from "../../lib/schemas/message";
import { conversationTopic } from "./access";

export async function setConversationSettings(db: TDb, engagement: TEngagementContext, input: TConversationSettings) {
  const data = { mode: input.mode, replyTime: input.replyTime, updatedAt: clockNow() };
  const saved = await db.conversation.upsert({
    where: { engagementId: engagement.id },
    create: { engagementId: engagement.id, ...data },
    update: data,
    select: { mode: true, replyTime: true },
  });
  await publish(db, conversationTopic(engagement.id));
  return saved;
}

export async function getMessagePause(db: TDb, therapist: TSessionUser): Promise<{ isPaused: boolean; notice: string; pausedAt: Date | null }> {
  const pause = await db.messagePause.findUnique({ where: { therapistId: therapist.id }, select: { notice: true, pausedAt: true } });
  return { isPaused: pause !== null, notice: pause?.notice ?? "", pausedAt: pause?.pausedAt ?? null };
}

export async function setMessagePause(db: TDb, therapist: TSessionUser, input: TMessagePause) {
  if (input.isPaused) {
    await db.messagePause.upsert({
      where: { therapistId: therapist.id },
      create: { therapistId: therapist.id, notice: input.notice, pausedAt: clockNow() },
      update: { notice: input.notice },
      select: { therapistId: true },
    });
  } else {
    await db.messagePause.deleteMany({ where: { therapistId: therapist.id } });
  }
  // Open conversations show or drop the notice.
  const engagements = await db.engagement.findMany({ where: { therapistId: therapist.id, status: "active" }, select: { id: true } });
  await publishAll(db, engagements.map((engagement) => conversationTopic(engagement.id)));
  return getMessagePause(db, therapist);
}
