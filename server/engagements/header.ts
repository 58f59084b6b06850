// One engagement's header as its viewer sees it (the other party's name, the
// next session and what the client has put on its agenda, a pending
// invitation, the messages' rules and how many wait unread): loaded with the
// access check itself (access.ts), so a page that shows the header and
// prefetches records loads the engagement once. The caseload reads the same
// parts for every row in its own ordered statement (queries.ts) and shapes
// them here too (summaryFrom).
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/session-user";
import { UNREAD_MESSAGES_COUNTED, type TMessagingMode } from "../../lib/constants/message";

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
  /**
   * The conversation's rules, and the other person's messages this viewer
   * hasn't read: exact up to UNREAD_MESSAGES_COUNTED, one more meaning "more".
   */
  messages: { mode: TMessagingMode; replyTime: string; unread: number };
};

/** The columns and relations of a header; one statement with the relation joins. */
export function summarySelect(viewer: Pick<TSessionUser, "id" | "role">, now: Date) {
  // The client's own open items: by the client when they are viewing, by anyone but the therapist otherwise.
  const clientAuthored = viewer.role === "client" ? { authorId: viewer.id } : { authorId: { not: viewer.id } };
  return {
    id: true,
    status: true,
    therapistId: true,
    clientId: true,
    startedAt: true,
    endedAt: true,
    therapist: { select: { name: true } },
    invitations: {
      orderBy: { createdAt: "desc" },
      take: 1,
      select: { name: true, email: true, createdAt: true, expiresAt: true },
    },
    client: { select: { id: true, name: true, timeZone: true } },
    sessions: {
      where: { status: "scheduled", startsAt: { gte: now } },
      orderBy: { startsAt: "asc" },
      take: 1,
      select: { id: true, startsAt: true, _count: { select: { agendaItems: { where: { status: "open", ...clientAuthored } } } } },
    },
    conversation: { select: { mode: true, replyTime: true } },
    // Unread is "newer than my read mark", which a count's filter can't say: the other person's
    // newest few (index messages(engagement_id, created_at, id)) are compared with the mark below,
    // so the count stays inside this one statement at any caseload size.
    conversationReads: { where: { userId: viewer.id }, select: { lastReadAt: true } },
    messages: {
      where: { authorId: { not: viewer.id }, withdrawnAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: UNREAD_MESSAGES_COUNTED + 1,
      select: { createdAt: true },
    },
  } satisfies Prisma.EngagementSelect;
}

export type TSummaryRow = Prisma.EngagementGetPayload<{ select: ReturnType<typeof summarySelect> }>;

/** What a header is made of, however it was read (this file's select, or the caseload's ordered statement). */
export type TSummaryParts = {
  id: string;
  status: TEngagementSummary["status"];
  startedAt: Date | null;
  endedAt: Date | null;
  therapistName: string;
  clientName: string | null;
  invitation: { name: string; email: string; createdAt: Date; expiresAt: Date } | null;
  nextSession: { id: string; startsAt: Date; newAgendaItems: number } | null;
  conversation: { mode: TMessagingMode; replyTime: string } | null;
  unread: number;
};

export function toSummary(user: Pick<TSessionUser, "role">, row: TSummaryRow, now: Date): TEngagementSummary {
  const readUntil = row.conversationReads[0]?.lastReadAt.getTime() ?? -Infinity;
  const session = row.sessions[0];
  return summaryFrom(
    user,
    {
      id: row.id,
      status: row.status,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      therapistName: row.therapist.name,
      clientName: row.client?.name ?? null,
      invitation: row.invitations[0] ?? null,
      nextSession: session ? { id: session.id, startsAt: session.startsAt, newAgendaItems: session._count.agendaItems } : null,
      conversation: row.conversation,
      unread: row.messages.filter((message) => message.createdAt.getTime() > readUntil).length,
    },
    now,
  );
}

export function summaryFrom(user: Pick<TSessionUser, "role">, parts: TSummaryParts, now: Date): TEngagementSummary {
  const isTherapist = user.role === "therapist";
  const invitation = parts.invitation;
  const counterpartName = isTherapist ? (parts.clientName ?? invitation?.name ?? "Invited client") : parts.therapistName;
  return {
    id: parts.id,
    status: parts.status,
    startedAt: parts.startedAt,
    endedAt: parts.endedAt,
    counterpart: { name: counterpartName },
    nextSession: parts.nextSession,
    invitation:
      isTherapist && parts.status === "invited" && invitation
        ? {
            email: invitation.email,
            sentAt: invitation.createdAt,
            expiresAt: invitation.expiresAt,
            isExpired: invitation.expiresAt <= now,
          }
        : null,
    messages: {
      mode: parts.conversation?.mode ?? "off",
      replyTime: parts.conversation?.replyTime ?? "",
      unread: parts.unread,
    },
  };
}
