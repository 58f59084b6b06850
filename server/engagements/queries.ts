// Read models for engagements: the therapist's caseload, the client's
// relationships, and one engagement's header. Each is a fixed number of SQL
// statements whatever the caseload size (docs/house-style.md, H13).
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { engagementWhereForUser, type TEngagementContext } from "./access";
import { summarySelect, toSummary, type TEngagementSummary } from "./header";

export type { TEngagementSummary } from "./header";
import { now as clockNow } from "../clock";

/** Caseloads are bounded; search and paging arrive with the caseload issue. */
export const CASELOAD_LIMIT = 200;

const STATUS_ORDER = { active: 0, invited: 1, ended: 2 } as const;

/** With each one's access context (ids and status), for the request memo (engagement.list). */
export async function listEngagements(
  db: TDb,
  user: TSessionUser,
  now = clockNow(),
): Promise<{ engagement: TEngagementContext; summary: TEngagementSummary; clientTimeZone: string | null }[]> {
  const rows = await db.engagement.findMany({
    // Withdrawn invitations (ended before they ever started) are left out.
    where: { AND: [engagementWhereForUser(user), { NOT: { status: "ended", startedAt: null } }] },
    orderBy: [{ createdAt: "desc" }],
    take: CASELOAD_LIMIT,
    select: summarySelect(user, now),
  });
  return rows
    .map((row) => ({
      engagement: { id: row.id, status: row.status, therapistId: row.therapistId, clientId: row.clientId },
      summary: toSummary(user, row, now),
      clientTimeZone: row.client?.timeZone ?? null,
    }))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.summary.status] - STATUS_ORDER[b.summary.status] ||
        a.summary.counterpart.name.localeCompare(b.summary.counterpart.name),
    );
}
