// Access to goals and everything under them (steps, ratings, status history).
//
// INVARIANT: a goal is reachable exactly when its engagement is reachable
// (server/engagements/access.ts): the therapist or the client of that
// engagement, nobody else. Goal-scoped procedures load the goal through
// goalWhereForUser() and answer NOT_FOUND otherwise; writes also need the
// engagement to be active (ended engagements are read-only).
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { notFound } from "../errors";
import { engagementWhereForUser } from "../engagements/access";

export function goalWhereForUser(user: Pick<TSessionUser, "id" | "role">): Prisma.GoalWhereInput {
  return { engagement: engagementWhereForUser(user) };
}

const GOAL_CONTEXT_SELECT = {
  id: true,
  version: true,
  status: true,
  engagement: { select: { id: true, status: true, therapistId: true, clientId: true } },
} as const;

export type TGoalContext = Prisma.GoalGetPayload<{ select: typeof GOAL_CONTEXT_SELECT }>;

export async function findGoalForUser(db: TDb, user: Pick<TSessionUser, "id" | "role">, goalId: string): Promise<TGoalContext> {
  const goal = await db.goal.findFirst({
    where: { AND: [{ id: goalId }, goalWhereForUser(user)] },
    select: GOAL_CONTEXT_SELECT,
  });
  if (!goal) throw notFound("That goal");
  return goal;
}
