// Access to a measure assignment: only through an engagement the caller
// belongs to (engagementWhereForUser), NOT_FOUND otherwise. Loaded in one
// statement with what the client's form needs: the next session (for
// before-each-session periods) and the latest response (the current
// period's draft, if any).
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/session-user";
import { engagementWhereForUser, ENGAGEMENT_CONTEXT_SELECT } from "../engagements/access";
import { notFound } from "../errors";
import { now as clockNow } from "../clock";

/** An assignment's own columns: what its periods are computed from (lib/measures/schedule.ts). */
export const MEASURE_SCHEDULE_SELECT = {
  id: true,
  kind: true,
  schedule: true,
  intervalWeeks: true,
  createdAt: true,
  stoppedAt: true,
} as const satisfies Prisma.MeasureAssignmentSelect;

export function measureContextSelect(now: Date) {
  return {
    ...MEASURE_SCHEDULE_SELECT,
    engagement: {
      select: {
        ...ENGAGEMENT_CONTEXT_SELECT,
        therapist: { select: { name: true } },
        sessions: {
          where: { status: "scheduled", startsAt: { gt: now } },
          orderBy: { startsAt: "asc" },
          take: 1,
          select: { id: true, startsAt: true },
        },
      },
    },
    responses: {
      orderBy: { createdAt: "desc" },
      take: 1,
      select: { id: true, periodKey: true, answers: true, difficulty: true, total: true, completedAt: true },
    },
  } satisfies Prisma.MeasureAssignmentSelect;
}

export type TMeasureContext = Prisma.MeasureAssignmentGetPayload<{ select: ReturnType<typeof measureContextSelect> }>;

export async function findMeasureForUser(
  db: TDb,
  user: Pick<TSessionUser, "id" | "role">,
  measureId: string,
  now = clockNow(),
): Promise<TMeasureContext> {
  const measure = await db.measureAssignment.findFirst({
    where: { id: measureId, engagement: engagementWhereForUser(user) },
    select: measureContextSelect(now),
  });
  if (!measure) throw notFound("That questionnaire");
  return measure;
}
