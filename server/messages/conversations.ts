// The client's list of conversations: one per engagement whose messages are
// on (or were: an ended one stays readable), with how many are unread.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { unreadMessagesBy } from "./counts";

export async function listConversations(db: TDb, client: TSessionUser) {
  const engagements = await db.engagement.findMany({
    where: { clientId: client.id, status: { in: ["active", "ended"] }, OR: [{ conversation: { mode: { not: "off" } } }, { messages: { some: {} } }] },
    orderBy: [{ status: "asc" }, { startedAt: "desc" }],
    select: { id: true, status: true, therapist: { select: { name: true } }, conversation: { select: { mode: true } } },
  });
  const unread = await unreadMessagesBy(db, client.id, engagements.map((engagement) => engagement.id));
  return engagements.map((engagement) => ({
    engagementId: engagement.id,
    therapistName: engagement.therapist.name,
    isOpen: engagement.status === "active" && (engagement.conversation?.mode ?? "off") !== "off",
    unread: unread.get(engagement.id) ?? 0,
  }));
}
