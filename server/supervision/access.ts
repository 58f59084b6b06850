// Access for supervision (issue 29): the one way a supervisor reaches a
// colleague's client's records.
//
// INVARIANTS
// - server/engagements/access.ts stays as it is: an engagement is reached by
//   its therapist and its client only. A supervisor never reaches a record
//   through any other procedure; only supervision's own view (./view.ts) reads
//   for them, and only through findSupervisedEngagement() below.
// - A supervisor reaches an engagement only while a request for it is
//   `agreed`, its `until` is still ahead (server clock), they are still a
//   current supervisor (practice_members.left_at null, role supervisor) and
//   the engagement's therapist is still a current member of that same
//   practice. All of it is one where-clause, checked in the statement that
//   loads the request: withdrawal, expiry or leaving take effect at the next
//   load. Anything else answers NOT_FOUND, so existence never leaks.
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { notFound } from "../errors";
import { now as clockNow } from "../clock";

/** The practice(s) where `userId` is a current member with one of `roles`. */
function currentMemberOf(userId: string, roles?: Prisma.PracticeMemberWhereInput["role"]): Prisma.PracticeWhereInput {
  return { members: { some: { userId, leftAt: null, ...(roles ? { role: roles } : {}) } } };
}

/** Engagements whose therapist is, now, a colleague of `supervisorId` in a practice where they supervise. */
export function colleaguesEngagementWhere(supervisorId: string): Prisma.EngagementWhereInput {
  return {
    therapistId: { not: supervisorId },
    therapist: { practiceMemberships: { some: { leftAt: null, practice: currentMemberOf(supervisorId, "supervisor") } } },
  };
}

/** The requests a supervisor may read through now. */
export function agreedRequestWhere(supervisor: Pick<TSessionUser, "id">, now: Date): Prisma.SupervisionRequestWhereInput {
  return {
    supervisorId: supervisor.id,
    status: "agreed",
    until: { gt: now },
    engagement: { clientId: { not: null }, ...colleaguesEngagementWhere(supervisor.id) },
  };
}

export const SUPERVISED_SELECT = {
  id: true,
  until: true,
  engagement: { select: { id: true, status: true, therapistId: true, clientId: true, client: { select: { name: true, timeZone: true } }, therapist: { select: { name: true } } } },
} as const;

export type TSupervisedEngagement = {
  requestId: string;
  until: Date;
  engagement: { id: string; status: "invited" | "active" | "ended"; therapistId: string; clientId: string };
  clientName: string;
  /** The client's time zone: their homework days are their calendar's (server/homework/client-day.ts). */
  clientTimeZone: string | null;
  clinicianName: string;
};

/** One statement: the agreed, current request and its engagement, or NOT_FOUND. */
export async function findSupervisedEngagement(
  db: TDb,
  supervisor: Pick<TSessionUser, "id" | "role">,
  requestId: string,
  now = clockNow(),
): Promise<TSupervisedEngagement> {
  if (supervisor.role !== "therapist") throw notFound("That record");
  const row = await db.supervisionRequest.findFirst({
    where: { AND: [{ id: requestId }, agreedRequestWhere(supervisor, now)] },
    select: SUPERVISED_SELECT,
  });
  if (!row || !row.engagement.clientId) throw notFound("That record");
  const { client, therapist, ...engagement } = row.engagement;
  return {
    requestId: row.id,
    until: row.until,
    engagement: { ...engagement, clientId: row.engagement.clientId },
    clientName: client?.name ?? "Client",
    clientTimeZone: client?.timeZone ?? null,
    clinicianName: therapist.name,
  };
}
