// Read models for engagements: the therapist's caseload, the client's
// relationships, and one engagement's header. Each is a fixed number of SQL
// statements whatever the caseload size (quality.md, item 20).
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { engagementWhereForUser } from "./access";
import { now as clockNow } from "../clock";

/** Caseloads are bounded; search and paging arrive with the caseload issue. */
export const CASELOAD_LIMIT = 200;

const STATUS_ORDER = { active: 0, invited: 1, ended: 2 } as const;

export type TEngagementSummary = {
  id: string;
  status: "invited" | "active" | "ended";
  startedAt: Date | null;
  endedAt: Date | null;
  /** The other party as this viewer sees them. */
  counterpart: { name: string };
  /** With the number of open items the client has put on its agenda. */
  nextSession: { id: string; startsAt: Date; newAgendaItems: number } | null;
  /** Therapists only, while the invitation is pending. */
  invitation: { email: string; sentAt: Date; expiresAt: Date; isExpired: boolean } | null;
};

function summarySelect(now: Date) {
  return {
    id: true,
    status: true,
    startedAt: true,
    endedAt: true,
    therapist: { select: { name: true } },
    invitations: {
      orderBy: { createdAt: "desc" },
      take: 1,
      select: { name: true, email: true, createdAt: true, expiresAt: true },
    },
    client: { select: { id: true, name: true } },
    sessions: {
      where: { status: "scheduled", startsAt: { gte: now } },
      orderBy: { startsAt: "asc" },
      take: 1,
      select: { id: true, startsAt: true, agendaItems: { where: { status: "open" }, select: { authorId: true } } },
    },
  } satisfies Prisma.EngagementSelect;
}

type TSummaryRow = Prisma.EngagementGetPayload<{ select: ReturnType<typeof summarySelect> }>;

function toSummary(user: TSessionUser, row: TSummaryRow, now: Date): TEngagementSummary {
  const isTherapist = user.role === "therapist";
  const invitation = row.invitations[0];
  const counterpartName = isTherapist ? (row.client?.name ?? invitation?.name ?? "Invited client") : row.therapist.name;
  return {
    id: row.id,
    status: row.status,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    counterpart: { name: counterpartName },
    nextSession: row.sessions[0]
      ? {
          id: row.sessions[0].id,
          startsAt: row.sessions[0].startsAt,
          newAgendaItems: row.sessions[0].agendaItems.filter((item) => item.authorId === row.client?.id).length,
        }
      : null,
    invitation:
      isTherapist && row.status === "invited" && invitation
        ? {
            email: invitation.email,
            sentAt: invitation.createdAt,
            expiresAt: invitation.expiresAt,
            isExpired: invitation.expiresAt <= now,
          }
        : null,
  };
}

export async function listEngagements(db: TDb, user: TSessionUser, now = clockNow()): Promise<TEngagementSummary[]> {
  const rows = await db.engagement.findMany({
    // Withdrawn invitations (ended before they ever started) are left out.
    where: { AND: [engagementWhereForUser(user), { NOT: { status: "ended", startedAt: null } }] },
    orderBy: [{ createdAt: "desc" }],
    take: CASELOAD_LIMIT,
    select: summarySelect(now),
  });
  return rows
    .map((row) => toSummary(user, row, now))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.counterpart.name.localeCompare(b.counterpart.name),
    );
}

/** Callers have already resolved the engagement through engagementProcedure. */
export async function getEngagementSummary(
  db: TDb,
  user: TSessionUser,
  engagementId: string,
  now = clockNow(),
): Promise<TEngagementSummary> {
  const row = await db.engagement.findFirstOrThrow({
    where: { AND: [{ id: engagementId }, engagementWhereForUser(user)] },
    select: summarySelect(now),
  });
  return toSummary(user, row, now);
}
