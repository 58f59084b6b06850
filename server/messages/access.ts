// Access to messages between sessions (issue 25).
//
// INVARIANTS
// - A message is reachable exactly as its engagement is: by its therapist,
//   or by its client once they accepted (server/engagements/access.ts).
//   Every query below is built from that rule; nothing fetches by id alone,
//   so another person's message answers NOT_FOUND.
// - Only the author changes a message (withdraws it); either person may read
//   it, and bring it to the next session's agenda.
// - Reading stays open once the work ends; writing does not (assertWritable,
//   through the resource factory, server/api/resources.ts).
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { notFound } from "../errors";
import { ENGAGEMENT_CONTEXT_SELECT, engagementWhereForUser } from "../engagements/access";

export function messageWhereForUser(user: Pick<TSessionUser, "id" | "role">): Prisma.MessageWhereInput {
  return { engagement: engagementWhereForUser(user) };
}

const MESSAGE_CONTEXT_SELECT = {
  id: true,
  authorId: true,
  body: true,
  createdAt: true,
  withdrawnAt: true,
  engagement: { select: ENGAGEMENT_CONTEXT_SELECT },
} as const;

export type TMessageContext = Prisma.MessageGetPayload<{ select: typeof MESSAGE_CONTEXT_SELECT }>;

export async function findMessageForUser(db: TDb, user: Pick<TSessionUser, "id" | "role">, messageId: string): Promise<TMessageContext> {
  const message = await db.message.findFirst({
    where: { AND: [{ id: messageId }, messageWhereForUser(user)] },
    select: MESSAGE_CONTEXT_SELECT,
  });
  if (!message) throw notFound("That message");
  return message;
}

/** The live topic of one conversation: open pages refetch (server/live/bus.ts; the topic only, never text). */
export function conversationTopic(engagementId: string): string {
  return `conversation:${engagementId}`;
}
