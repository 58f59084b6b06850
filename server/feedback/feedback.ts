// Session feedback and check-ins: how therapy is going, from the client.
//
// INVARIANTS
// - Only the engagement's client gives feedback, once per completed session
//   (a unique index; a retry returns the first answer). Check-ins only on
//   active engagements.
// - Both parties read them through the engagement (the engagement resource (server/api/resources.ts)).
// - The therapist is told of new feedback, and once when a "therapy may not
//   be helping" flag turns on (no flag before this answer, one after it), in
//   the transaction of the write. Never the scores or the comment.
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError } from "../errors";
import { openField, sealField } from "../crypto/sealed-fields";
import type { TCheckIn, TSessionFeedback } from "../../lib/schemas/feedback";
import { signalsFor, type TCheckInPoint, type TFeedbackPoint, type TSignal } from "../../lib/signals/rules";
import type { TSessionContext } from "../sessions/access";
import { now as clockNow } from "../clock";
import { notify } from "../notifications/notify";
import { newRowId } from "../db/ids";

/** Enough history for the charts and the signal rules, bounded. */
export const TREND_LIMIT = 24;

const FEEDBACK_SELECT = {
  id: true,
  sessionId: true,
  feltHeard: true,
  workedOnWanted: true,
  approachFit: true,
  overall: true,
  comment: true,
  createdAt: true,
} as const;

function openFeedback<T extends { sessionId: string; comment: string }>(row: T): T {
  return { ...row, comment: openField("feedbackComment", { sessionId: row.sessionId }, row.comment) };
}

export async function submitFeedback(db: TDb, client: TSessionUser, session: TSessionContext, input: TSessionFeedback) {
  if (session.status !== "completed") throw new AppError("BAD_REQUEST", "Feedback opens once the session has taken place.");
  const { engagement } = session;
  return db.$transaction(async (tx) => {
    // One per session: a retry inserts nothing (ON CONFLICT DO NOTHING), tells no one again, and reads the first.
    const id = newRowId();
    const inserted = await tx.sessionFeedback.createMany({
      data: [
        {
          id,
          sessionId: session.id,
          clientId: client.id,
          feltHeard: input.feltHeard,
          workedOnWanted: input.workedOnWanted,
          approachFit: input.approachFit,
          overall: input.overall,
          comment: sealField("feedbackComment", { sessionId: session.id }, input.comment),
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 1) {
      await notify(tx, {
        userId: engagement.therapistId,
        kind: "feedback_received",
        title: `${client.name} rated a session`,
        linkPath: `/clients/${engagement.id}`,
        engagementId: engagement.id,
      });
      await raiseSignalIfNew(tx, client, engagement, { feedbackId: id });
    }
    return openFeedback(await tx.sessionFeedback.findUniqueOrThrow({ where: { sessionId: session.id }, select: FEEDBACK_SELECT }));
  });
}

type TSignalEngagement = { id: string; therapistId: string };

export function recordCheckIn(db: TDb, client: TSessionUser, engagement: TSignalEngagement, input: TCheckIn) {
  return db.$transaction(async (tx) => {
    const checkIn = await tx.checkIn.create({
      data: {
        engagementId: engagement.id,
        clientId: client.id,
        personal: input.personal,
        relationships: input.relationships,
        social: input.social,
        overall: input.overall,
      },
      select: { id: true, personal: true, relationships: true, social: true, overall: true, createdAt: true },
    });
    await raiseSignalIfNew(tx, client, engagement, { checkInId: checkIn.id });
    return checkIn;
  });
}

/** Enough recent answers for every rule in lib/signals/rules.ts, plus the one just written. */
const SIGNAL_WINDOW = 5;

/**
 * Tells the therapist when the answer just written (`written`) turns the
 * engagement's flag on: signals now, and none from the same data without it.
 * A flag already up says nothing more; one that cleared and returns does.
 */
async function raiseSignalIfNew(
  tx: Prisma.TransactionClient,
  client: TSessionUser,
  engagement: TSignalEngagement,
  written: { feedbackId?: string; checkInId?: string },
): Promise<void> {
  const [feedback, checkIns] = await Promise.all([
    tx.sessionFeedback.findMany({
      where: { session: { engagementId: engagement.id } },
      orderBy: { createdAt: "desc" },
      take: SIGNAL_WINDOW,
      select: { id: true, overall: true, createdAt: true },
    }),
    tx.checkIn.findMany({
      where: { engagementId: engagement.id },
      orderBy: { createdAt: "desc" },
      take: SIGNAL_WINDOW,
      select: { id: true, overall: true, createdAt: true },
    }),
  ]);
  if (signalsFor({ feedback, checkIns }).length === 0) return;
  const before = signalsFor({
    feedback: feedback.filter((point) => point.id !== written.feedbackId),
    checkIns: checkIns.filter((point) => point.id !== written.checkInId),
  });
  if (before.length > 0) return;
  await notify(tx, {
    userId: engagement.therapistId,
    kind: "signal_raised",
    title: `${client.name}'s recent answers suggest therapy may not be helping right now`,
    linkPath: `/clients/${engagement.id}`,
    engagementId: engagement.id,
  });
}

/** The engagement's latest feedback (by when it was given) and check-ins: part of an engagement select. */
export const TRENDS_SELECT = {
  sessions: {
    where: { feedback: { isNot: null } },
    orderBy: { feedback: { createdAt: "desc" } },
    take: TREND_LIMIT,
    select: { startsAt: true, feedback: { select: FEEDBACK_SELECT } },
  },
  checkIns: {
    orderBy: { createdAt: "desc" },
    take: TREND_LIMIT,
    select: { id: true, personal: true, relationships: true, social: true, overall: true, createdAt: true },
  },
} satisfies Prisma.EngagementSelect;

type TTrendsRow = Prisma.EngagementGetPayload<{ select: typeof TRENDS_SELECT }>;

/** Each series oldest first, with the signals they raise. */
export function toTrends({ sessions, checkIns }: TTrendsRow) {
  const feedback = sessions.flatMap(({ startsAt, feedback: row }) => (row ? [{ ...row, session: { startsAt } }] : []));
  return {
    feedback: feedback.reverse().map(openFeedback),
    checkIns: checkIns.reverse(),
    signals: signalsFor({ feedback, checkIns }),
  };
}

export type TTrends = ReturnType<typeof toTrends>;

/**
 * Signals across a therapist's active caseload: one statement whatever the
 * caseload size (the latest four feedback scores and check-ins of each
 * client); the where-clause is the therapist's engagement access rule.
 */
export async function caseloadSignals(db: TDb, therapist: TSessionUser): Promise<{ engagementId: string; signals: TSignal[] }[]> {
  const rows = await db.$queryRaw<TRecentRow[]>`
    SELECT source, engagement_id, overall, created_at FROM (
      SELECT 'feedback' AS source, s.engagement_id, f.overall, f.created_at,
             row_number() OVER (PARTITION BY s.engagement_id ORDER BY f.created_at DESC) AS rank
      FROM session_feedback f JOIN therapy_sessions s ON s.id = f.session_id
      JOIN engagements e ON e.id = s.engagement_id
      WHERE e.therapist_id = ${therapist.id}::uuid AND e.status = 'active'
      UNION ALL
      SELECT 'check_in' AS source, c.engagement_id, c.overall, c.created_at,
             row_number() OVER (PARTITION BY c.engagement_id ORDER BY c.created_at DESC) AS rank
      FROM check_ins c JOIN engagements e ON e.id = c.engagement_id
      WHERE e.therapist_id = ${therapist.id}::uuid AND e.status = 'active'
    ) ranked WHERE rank <= 4
    ORDER BY created_at DESC`;
  const byEngagement = new Map<string, { feedback: TFeedbackPoint[]; checkIns: TCheckInPoint[] }>();
  const entryFor = (id: string) => byEngagement.get(id) ?? byEngagement.set(id, { feedback: [], checkIns: [] }).get(id)!;
  for (const row of rows) {
    const entry = entryFor(row.engagement_id);
    (row.source === "feedback" ? entry.feedback : entry.checkIns).push({ overall: row.overall, createdAt: row.created_at });
  }
  return [...byEngagement]
    .map(([engagementId, points]) => ({ engagementId, signals: signalsFor(points) }))
    .filter((entry) => entry.signals.length > 0);
}

type TRecentRow = { source: "feedback" | "check_in"; engagement_id: string; overall: number; created_at: Date };

/** Completed sessions of the client's active work, from the last 30 days, still without feedback. */
export function pendingFeedback(db: TDb, client: TSessionUser, now = clockNow()) {
  return db.therapySession.findMany({
    where: {
      status: "completed",
      feedback: null,
      startsAt: { gte: new Date(now.getTime() - 30 * 86_400_000) },
      engagement: { clientId: client.id, status: "active" },
    },
    orderBy: { startsAt: "desc" },
    take: 3,
    select: { id: true, startsAt: true, engagement: { select: { therapist: { select: { name: true } } } } },
  });
}
