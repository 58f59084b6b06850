// Read models for goals. listGoals and listCaseloadGoals are one statement
// each whatever the number of goals or ratings (docs/house-style.md, H13): the
// goals with their steps and each party's last two ratings per goal, the
// latter read backwards on index goal_ratings(goal_id, author_role,
// created_at), two rows per party however long the history.
// Text is stored sealed and opened here (./sealing.ts), so nothing in SQL
// filters or orders by it: goals go by position, steps by position.
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { Role } from "../db/generated/enums";
import { openGoalText, openGoalTitle, openRatingNote, openStatusNote, openStepText } from "./sealing";

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

/** Per goal `g`: each party's latest two ratings, newest first, as JSON [{ role, value, at }]. */
const LATEST_RATINGS_JSON = Prisma.sql`
  COALESCE((
    SELECT json_agg(json_build_object('role', x.role, 'value', x.value, 'at', x.created_at) ORDER BY x.role, x.created_at DESC, x.id DESC)
    FROM (
      (SELECT 'client' AS role, r.value, r.created_at, r.id FROM goal_ratings r
       WHERE r.goal_id = g.id AND r.author_role = 'client' ORDER BY r.created_at DESC, r.id DESC LIMIT 2)
      UNION ALL
      (SELECT 'therapist' AS role, r.value, r.created_at, r.id FROM goal_ratings r
       WHERE r.goal_id = g.id AND r.author_role = 'therapist' ORDER BY r.created_at DESC, r.id DESC LIMIT 2)
    ) x
  ), '[]'::json)`;

type TRatingJson = { role: Role; value: number; at: string };

function latestPair(ratings: TRatingJson[]): TLatestPair {
  const pair: TLatestPair = { client: null, therapist: null };
  for (const rating of ratings) {
    const current = pair[rating.role];
    if (!current) pair[rating.role] = { value: rating.value, previous: null, at: new Date(rating.at) };
    else current.previous ??= rating.value;
  }
  return pair;
}

type TGoalRow = {
  id: string;
  title: string;
  description: string;
  why_it_matters: string;
  status: TGoalSummary["status"];
  target_date: string | null;
  version: number;
  steps: { id: string; text: string; position: number; isDone: boolean }[];
  ratings: TRatingJson[];
};

/** Callers have resolved `engagementId` through the engagement resource (server/api/resources.ts). */
export async function listGoals(db: TDb, engagementId: string): Promise<TGoalSummary[]> {
  const rows = await db.$queryRaw<TGoalRow[]>`
    SELECT g.id, g.title, g.description, g.why_it_matters, g.status::text AS status, g.target_date::text AS target_date, g.version,
           COALESCE((
             SELECT json_agg(json_build_object('id', st.id, 'text', st.text, 'position', st.position, 'isDone', st.done_at IS NOT NULL) ORDER BY st.position)
             FROM goal_steps st WHERE st.goal_id = g.id
           ), '[]'::json) AS steps,
           ${LATEST_RATINGS_JSON} AS ratings
    FROM goals g
    WHERE g.engagement_id = ${engagementId}::uuid
    ORDER BY g.position, g.created_at
    LIMIT ${GOAL_LIST_LIMIT}`;
  return rows
    .map((row) => ({
      id: row.id,
      ...openGoalText(
        { engagementId, goalId: row.id },
        { title: row.title, description: row.description, whyItMatters: row.why_it_matters },
      ),
      status: row.status,
      targetDate: row.target_date ? new Date(`${row.target_date}T00:00:00.000Z`) : null,
      version: row.version,
      steps: row.steps.map((step) => ({ ...step, text: openStepText(row.id, step) })),
      latest: latestPair(row.ratings),
    }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

export type TCaseloadGoal = { id: string; engagementId: string; title: string; latest: TLatestPair };

/**
 * Active goals across a therapist's active engagements, for the caseload at a
 * glance, with both parties' latest ratings: one statement whatever the
 * caseload size. `therapistId` is the engagement access rule itself.
 */
export async function listCaseloadGoals(db: TDb, therapistId: string): Promise<TCaseloadGoal[]> {
  const rows = await db.$queryRaw<{ id: string; engagement_id: string; title: string; ratings: TRatingJson[] }[]>`
    SELECT g.id, g.engagement_id, g.title, ${LATEST_RATINGS_JSON} AS ratings
    FROM goals g JOIN engagements e ON e.id = g.engagement_id
    WHERE e.therapist_id = ${therapistId}::uuid AND e.status = 'active' AND g.status = 'active'
    ORDER BY g.engagement_id, g.position
    LIMIT ${CASELOAD_GOAL_LIMIT}`;
  return rows.map((row) => ({
    id: row.id,
    engagementId: row.engagement_id,
    title: openGoalTitle({ engagementId: row.engagement_id, goalId: row.id }, row.title),
    latest: latestPair(row.ratings),
  }));
}

/** Bounds the caseload summary: a few active goals per client for a few hundred clients. */
export const CASELOAD_GOAL_LIMIT = 1000;

/** Everything the goal page shows. Callers have resolved the goal through the goal resource (server/api/resources.ts). */
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
  const { engagement, steps, ratings, statusChanges, ...rest } = goal;
  return {
    ...openGoalText({ engagementId: engagement.id, goalId: goal.id }, rest),
    engagement: { id: engagement.id, status: engagement.status },
    people: { therapist: engagement.therapist.name, client: engagement.client?.name ?? "Client" },
    steps: steps.map(({ doneAt, doneBy, ...step }) => ({
      ...step,
      text: openStepText(goal.id, step),
      isDone: doneAt !== null,
      doneAt,
      doneBy: doneBy?.name ?? null,
    })),
    ratings: ratings.reverse().map((rating) => ({ ...rating, note: openRatingNote(goal.id, rating) })),
    statusChanges: statusChanges.map((change) => ({ ...change, note: openStatusNote(goal.id, change) })),
  };
}

export type TGoalDetail = Awaited<ReturnType<typeof getGoalDetail>>;
