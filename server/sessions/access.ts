// Access to sessions, their agenda items and their notes.
//
// INVARIANTS
// - A session, its agenda and its notes are reachable exactly when its
//   engagement is (server/engagements/access.ts); anything else is NOT_FOUND.
// - Notes have three audiences, enforced in the query, never in the page:
//     shared_summary     written by the therapist, read by both;
//     client_takeaway    written by the client, read by the therapist only
//                        while isSharedWithTherapist;
//     therapist_private  its author's alone. It is never selected into
//                        anything a client can fetch. After a handover
//                        (server/handovers) the note moves with its session
//                        but stays its author's: the new therapist reads it
//                        only when its author handed it over
//                        (handedOverToId), and the author reads it on their
//                        ended engagement's page.
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { notFound } from "../errors";
import { engagementWhereForUser } from "../engagements/access";

export function sessionWhereForUser(user: Pick<TSessionUser, "id" | "role">): Prisma.TherapySessionWhereInput {
  return { engagement: engagementWhereForUser(user) };
}

export function noteWhereForUser(user: Pick<TSessionUser, "id" | "role">): Prisma.SessionNoteWhereInput {
  if (user.role === "client") {
    return { session: sessionWhereForUser(user), kind: { in: ["shared_summary", "client_takeaway"] } };
  }
  return {
    session: sessionWhereForUser(user),
    OR: [
      { kind: "shared_summary" },
      { kind: "therapist_private", authorId: user.id },
      // Handed over: opens only once the session is the reader's own (the client accepted).
      { kind: "therapist_private", handedOverToId: user.id, session: { engagement: { therapistId: user.id } } },
      { kind: "client_takeaway", isSharedWithTherapist: true },
    ],
  };
}

const SESSION_CONTEXT_SELECT = {
  id: true,
  status: true,
  startsAt: true,
  agendaVersion: true,
  engagement: { select: { id: true, status: true, therapistId: true, clientId: true } },
} as const;
export type TSessionContext = Prisma.TherapySessionGetPayload<{ select: typeof SESSION_CONTEXT_SELECT }>;

export async function findSessionForUser(db: TDb, user: TSessionUser, sessionId: string): Promise<TSessionContext> {
  const session = await db.therapySession.findFirst({
    where: { AND: [{ id: sessionId }, sessionWhereForUser(user)] },
    select: SESSION_CONTEXT_SELECT,
  });
  if (!session) throw notFound("That session");
  return session;
}

const AGENDA_ITEM_CONTEXT_SELECT = { id: true, authorId: true, status: true, session: { select: SESSION_CONTEXT_SELECT } } as const;
export type TAgendaItemContext = Prisma.AgendaItemGetPayload<{ select: typeof AGENDA_ITEM_CONTEXT_SELECT }>;

export async function findAgendaItemForUser(db: TDb, user: TSessionUser, itemId: string): Promise<TAgendaItemContext> {
  const item = await db.agendaItem.findFirst({
    where: { AND: [{ id: itemId }, { session: sessionWhereForUser(user) }] },
    select: AGENDA_ITEM_CONTEXT_SELECT,
  });
  if (!item) throw notFound("That agenda item");
  return item;
}

/**
 * The client's next session that can still take agenda items: scheduled, not
 * yet started, on an active engagement of theirs (one named, or the soonest
 * of any). Null when none is booked.
 */
export async function findNextSessionForClient(db: TDb, client: Pick<TSessionUser, "id" | "role">, now: Date, engagementId?: string): Promise<TSessionContext | null> {
  return db.therapySession.findFirst({
    where: {
      status: "scheduled",
      startsAt: { gt: now },
      engagement: { AND: [engagementWhereForUser(client), { status: "active" }, engagementId ? { id: engagementId } : {}] },
    },
    orderBy: { startsAt: "asc" },
    select: SESSION_CONTEXT_SELECT,
  });
}
