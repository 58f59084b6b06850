// Counts of messages for the caseload, the client's navigation and the
// pre-session brief. Counts only, never text; set-based, one statement for
// any number of engagements.
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";

type TReader = TDb | Prisma.TransactionClient;

/**
 * Per engagement: messages from the other person this reader has not read
 * (newer than their read mark, not withdrawn). Engagements with none are absent.
 */
export async function unreadMessagesBy(db: TReader, readerId: string, engagementIds: readonly string[]): Promise<Map<string, number>> {
  if (engagementIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ engagement_id: string; count: number }[]>`
    SELECT m.engagement_id, count(*)::int AS count
    FROM messages m
    LEFT JOIN conversation_reads r ON r.engagement_id = m.engagement_id AND r.user_id = ${readerId}::uuid
    WHERE m.engagement_id = ANY(${engagementIds as string[]}::uuid[])
      AND m.author_id <> ${readerId}::uuid
      AND m.withdrawn_at IS NULL
      AND (r.last_read_at IS NULL OR m.created_at > r.last_read_at)
    GROUP BY m.engagement_id`;
  return new Map(rows.map((row) => [row.engagement_id, row.count]));
}

/** Messages (either way, not withdrawn) written after `since` and up to `until`: the brief's "N messages since the last session". */
export async function messagesBetween(db: TReader, engagementId: string, since: Date, until: Date): Promise<number> {
  return db.message.count({ where: { engagementId, withdrawnAt: null, createdAt: { gt: since, lte: until } } });
}
