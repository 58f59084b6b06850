// Read models for goals. listGoals is three statements whatever the number
// of goals or ratings (quality.md, item 20): the goals with their steps, and
// one window query for each party's last two ratings per goal.
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { Role } from "../db/generated/enums";

/** A goal list is bounded; archived goals beyond it stay reachable by link. */
export const GOAL_LIST_LIMIT = 100;
/** The chart shows at most this many recent ratings. */
export const GOAL_RATING_HISTORY_LIMIT = 300;

const STEP_SELECT = { id: true, text: true, position: true, doneAt: true } as const;

const GOAL_FIELDS_SELECT = {
  id: true,
  title: true,
  description: true,
  whyItMatters: true,
  status: true,
  targetDate: true,
  version: true,
} as const;

export type TLatestRating = { value: number; previous: number | null; at: Date };

export type TGoalSummary = {
  id: string;
  title: string;
  description: string;
  whyItMatters: string;
  status: "active" | "achieved" | "paused" | "archived";
  targetDate: Date | null;
  version: number;
  steps: { id: string; text: string; position: number; isDone: boolean }[];
  latest: Record<Role, TLatestRating | null>;
};

const STATUS_ORDER = { active: 0, paused: 1, achieved: 2, archived: 3 } as const;

type TLatestPair = Record<Role, TLatestRating | null>;

/** Each party's latest rating and the one before, per goal, for many engagements in one statement. */
async function latestRatings(db: TDb, engagementIds: string[]): Promise<Map<string, TLatestPair>> {
  const latest = new Map<string, TLatestPair>();
  if (engagementIds.length === 0) return latest;
  const rows = await db.$queryRaw<{ goal_id: string; author_role: Role; value: number; created_at: Date }[]>`
    SELECT goal_id, author_role, value, created_at FROM (
      SELECT r.goal_id, r.author_role, r.value, r.created_at,
             row_number() OVER (PARTITION BY r.goal_id, r.author_role ORDER BY r.created_at DESC, r.id DESC) AS rank
      FROM goal_ratings r JOIN goals g ON g.id = r.goal_id
      WHERE g.engagement_id = ANY(${engagementIds}::uuid[])
    ) ranked
    WHERE rank <= 2
    ORDER BY goal_id, author_role, created_at DESC`;
  for (const row of rows) {
    const entry = latest.get(row.goal_id) ?? { client: null, therapist: null };
    const current = entry[row.author_role];
    if (!current) entry[row.author_role] = { value: row.value, previous: null, at: row.created_at };
    else current.previous ??= row.value;
    latest.set(row.goal_id, entry);
  }
  return latest;
}

/** Callers have resolved `engagementId` through engagementProcedure. */
export async function listGoals(db: TDb, engagementId: string): Promise<TGoalSummary[]> {
  const [goals, latest] = await Promise.all([
    db.goal.findMany({
      where: { engagementId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      take: GOAL_LIST_LIMIT,
      select: { ...GOAL_FIELDS_SELECT, steps: { orderBy: { position: "asc" }, select: STEP_SELECT } },
    }),
    latestRatings(db, [engagementId]),
  ]);
  return goals
    .map((goal) => ({
      ...goal,
      steps: goal.steps.map(({ doneAt, ...step }) => ({ ...step, isDone: doneAt !== null })),
      latest: latest.get(goal.id) ?? { client: null, therapist: null },
    }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

export type TCaseloadGoal = { id: string; engagementId: string; title: string; latest: TLatestPair };

/**
 * Active goals across a therapist's active engagements, for the caseload at a
 * glance. Two statements whatever the caseload size. The where-clause is the
 * engagement access rule itself.
 */
export async function listCaseloadGoals(db: TDb, engagementWhere: Prisma.EngagementWhereInput): Promise<TCaseloadGoal[]> {
  const goals = await db.goal.findMany({
    where: { status: "active", engagement: { AND: [engagementWhere, { status: "active" }] } },
    orderBy: [{ engagementId: "asc" }, { position: "asc" }],
    take: CASELOAD_GOAL_LIMIT,
    select: { id: true, engagementId: true, title: true },
  });
  const latest = await latestRatings(db, [...new Set(goals.map((goal) => goal.engagementId))]);
  return goals.map((goal) => ({ ...goal, latest: latest.get(goal.id) ?? { client: null, therapist: null } }));
}

/** Bounds the caseload summary: a few active goals per client for a few hundred clients. */
export const CASELOAD_GOAL_LIMIT = 1000;

/** Everything the goal page shows. Callers have resolved the goal through goalProcedure. */
export async function getGoalDetail(db: TDb, goalId: string) {
  const goal = await db.goal.findUniqueOrThrow({
    where: { id: goalId },
    select: {
      ...GOAL_FIELDS_SELECT,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      engagement: {
        select: { id: true, status: true, therapist: { select: { name: true } }, client: { select: { name: true } } },
      },
      steps: { orderBy: { position: "asc" }, select: { ...STEP_SELECT, doneBy: { select: { name: true } } } },
      ratings: {
        orderBy: { createdAt: "desc" },
        take: GOAL_RATING_HISTORY_LIMIT,
        select: { id: true, value: true, note: true, authorRole: true, createdAt: true },
      },
      statusChanges: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, fromStatus: true, toStatus: true, note: true, createdAt: true, changedBy: { select: { name: true } } },
      },
    },
  });
  const { engagement, steps, ratings, ...rest } = goal;
  return {
    ...rest,
    engagement: { id: engagement.id, status: engagement.status },
    people: { therapist: engagement.therapist.name, client: engagement.client?.name ?? "Client" },
    steps: steps.map(({ doneAt, doneBy, ...step }) => ({ ...step, isDone: doneAt !== null, doneAt, doneBy: doneBy?.name ?? null })),
    ratings: ratings.reverse(),
  };
}

export type TGoalDetail = Awaited<ReturnType<typeof getGoalDetail>>;
