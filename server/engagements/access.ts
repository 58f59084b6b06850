// Access to engagements: the root of every clinical record.
//
// INVARIANT: a user reaches an engagement only as its therapist, or as its
// client once they have accepted (clientId is set then). Every query for an
// engagement, and for any record hanging off one, is built from
// engagementWhereForUser(); nothing fetches by id and checks afterwards.
// Anything else answers NOT_FOUND, so existence never leaks.
// Ended engagements are read-only for both sides (assertWritable).
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError, notFound } from "../errors";
import { now as clockNow } from "../clock";
import { summarySelect, toSummary, type TEngagementSummary } from "./header";

export function engagementWhereForUser(user: Pick<TSessionUser, "id" | "role">): Prisma.EngagementWhereInput {
  return user.role === "therapist" ? { therapistId: user.id } : { clientId: user.id };
}

export const ENGAGEMENT_CONTEXT_SELECT = {
  id: true,
  status: true,
  therapistId: true,
  clientId: true,
} as const;

export type TEngagementContext = Prisma.EngagementGetPayload<{ select: typeof ENGAGEMENT_CONTEXT_SELECT }>;

export async function findEngagementForUser(
  db: TDb,
  user: Pick<TSessionUser, "id" | "role">,
  engagementId: string,
): Promise<TEngagementContext> {
  const engagement = await db.engagement.findFirst({
    where: { AND: [{ id: engagementId }, engagementWhereForUser(user)] },
    select: ENGAGEMENT_CONTEXT_SELECT,
  });
  if (!engagement) throw notFound("That client relationship");
  return engagement;
}

/**
 * The engagement with its header (header.ts) in one statement: what
 * the engagement resource (server/api/resources.ts) loads, once per request, for every procedure scoped to it.
 */
export async function findEngagementWithSummary(
  db: TDb,
  user: Pick<TSessionUser, "id" | "role">,
  engagementId: string,
  now = clockNow(),
): Promise<{ engagement: TEngagementContext; summary: TEngagementSummary; clientTimeZone: string | null }> {
  const row = await db.engagement.findFirst({
    where: { AND: [{ id: engagementId }, engagementWhereForUser(user)] },
    select: summarySelect(user, now),
  });
  if (!row) throw notFound("That client relationship");
  return {
    engagement: { id: row.id, status: row.status, therapistId: row.therapistId, clientId: row.clientId },
    summary: toSummary(user, row, now),
    // Homework days are the client's calendar days (server/homework/client-day.ts).
    clientTimeZone: row.client?.timeZone ?? null,
  };
}

export function assertWritable(engagement: Pick<TEngagementContext, "status">): void {
  if (engagement.status !== "active") {
    throw new AppError(
      "FORBIDDEN",
      engagement.status === "ended"
        ? "This work together has ended, so its records are read-only."
        : "This invitation hasn't been accepted yet, so nothing can be added.",
    );
  }
}
