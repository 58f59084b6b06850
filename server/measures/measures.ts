// Standard measures (PHQ-9, GAD-7): the therapist assigns one on a schedule,
// the client fills it in (a draft first, kept between visits), both see the
// totals over time.
//
// INVARIANTS
// - One response per period of an assignment (lib/measures/schedule.ts), by
//   the engagement's client only, while the engagement is active. A draft is
//   written and rewritten in one statement that refuses a completed row, so a
//   completed response is never changed (not even by a racing request); the
//   next period makes a new one.
// - The total and its band are computed here from the answers, never taken
//   from input (lib/measures/instruments.ts).
// - PHQ-9 item 9 above 0, in a draft or a finished response, raises one
//   urgent flag for that response (a unique index) and tells the therapist
//   once (kind measure_urgent), in the transaction of the write. The flag
//   stays until the therapist acknowledges it; the router audits that.
// - Notifications name the person and the kind of record, never answers.
// - Item-level answers reach the therapist only; the client sees totals.
// - Item-level answers are stored sealed (./sealing.ts); totals stay plain,
//   since the caseload, the flags and the trends work on them in SQL.
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError, notFound } from "../errors";
import type { TEngagementContext } from "../engagements/access";
import { notify } from "../notifications/notify";
import { now as clockNow } from "../clock";
import {
  ANSWER_OPTIONS,
  answerErrors,
  answersOf,
  bandFor,
  changeBetween,
  describeChange,
  INSTRUMENTS,
  isSafetyAnswer,
  ITEM_FIELDS,
  MEASURE_KINDS,
  PHQ9_SAFETY_ITEM,
  scoreMeasure,
  type TBand,
  type TMeasureAnswers,
  type TMeasureKind,
} from "../../lib/measures/instruments";
import { describeSchedule, openPeriod, type TPeriod, type TScheduledAssignment } from "../../lib/measures/schedule";
import { formatDate } from "../../lib/format";
import type { TAssignMeasure } from "../../lib/schemas/measure";
import { describeOffTrack, offTrackFor, offTrackFromSummary, type TOffTrack, type TOffTrackItemKey } from "../../lib/measures/off-track";
import { openField } from "../crypto/sealed-fields";
import { MEASURE_SCHEDULE_SELECT, type TMeasureContext } from "./access";
import { offTrackAfterAnswers } from "./off-track";
import { openAnswers, sealAnswers, type TItemAnswers } from "./sealing";

type TWriter = TDb | Prisma.TransactionClient;

/** Enough history for the charts: about two years of fortnightly answers per measure. */
export const HISTORY_LIMIT = 48;

export const ALREADY_COMPLETED =
  "You've already filled this one in, thank you. Answers can't be changed once they're sent; a new one opens next time.";
export const NOT_OPEN = "This questionnaire isn't open just now. Your therapist can send it again.";

export async function assignMeasure(db: TDb, therapist: TSessionUser, engagement: TEngagementContext, input: TAssignMeasure) {
  const now = clockNow();
  return db.$transaction(async (tx) => {
    // One running assignment per measure: a new schedule replaces the old one (its responses stay).
    await tx.measureAssignment.updateMany({
      where: { engagementId: engagement.id, kind: input.kind, stoppedAt: null },
      data: { stoppedAt: now },
    });
    const assignment = await tx.measureAssignment.create({
      data: {
        engagementId: engagement.id,
        kind: input.kind,
        schedule: input.schedule,
        intervalWeeks: input.schedule === "every_n_weeks" ? input.intervalWeeks! : null,
        assignedById: therapist.id,
        createdAt: now,
      },
      select: { id: true, kind: true, schedule: true, intervalWeeks: true, createdAt: true },
    });
    if (engagement.clientId) {
      await notify(tx, {
        userId: engagement.clientId,
        kind: "measure_assigned",
        title: `${therapist.name} asked you to fill in a short questionnaire`,
        linkPath: `/questionnaires/${assignment.id}`,
        engagementId: engagement.id,
      });
    }
    return assignment;
  });
}

export async function stopMeasure(db: TDb, measure: TMeasureContext): Promise<void> {
  await db.measureAssignment.updateMany({ where: { id: measure.id, stoppedAt: null }, data: { stoppedAt: clockNow() } });
}

export type TMeasureForm = {
  id: string;
  engagementId: string;
  kind: TMeasureKind;
  therapistName: string;
  isActive: boolean;
  period: TPeriod | null;
  /** The current period's answers so far (a draft), or null. */
  draft: TMeasureAnswers | null;
  /** Set when the current period is already done. */
  completed: { total: number; band: TBand; completedAt: Date } | null;
};

/**
 * The period open at `now`, and the response for it if there is one: the
 * latest response (periods only move forward) when it answers that period.
 */
function openPeriodWithResponse<T extends { periodKey: string }>(
  assignment: TScheduledAssignment,
  latest: T | undefined,
  now: Date,
  nextSession: { id: string; startsAt: Date } | null,
): { period: TPeriod | null; current: T | null } {
  const period = openPeriod(assignment, now, nextSession);
  return { period, current: period && latest?.periodKey === period.key ? latest : null };
}

/** What the client's form shows: the open period, with the draft or the finished answer for it. */
export function formFor(measure: TMeasureContext, now = clockNow()): TMeasureForm {
  const { period, current } = openPeriodWithResponse(measure, measure.responses[0], now, measure.engagement.sessions[0] ?? null);
  const isActive = measure.engagement.status === "active";
  return {
    id: measure.id,
    engagementId: measure.engagement.id,
    kind: measure.kind,
    therapistName: measure.engagement.therapist.name,
    isActive,
    period: isActive ? period : null,
    draft:
      current && !current.completedAt
        ? toAnswers(
            measure.kind,
            openAnswers({ engagementId: measure.engagement.id, assignmentId: measure.id, periodKey: current.periodKey }, current.answers),
            current.difficulty,
          )
        : null,
    completed:
      current?.completedAt && current.total !== null
        ? { total: current.total, band: bandFor(measure.kind, current.total), completedAt: current.completedAt }
        : null,
  };
}

function toAnswers(kind: TMeasureKind, values: TItemAnswers, difficulty: number | null): TMeasureAnswers {
  const answers: TMeasureAnswers = { difficulty };
  INSTRUMENTS[kind].items.forEach((_, index) => {
    const value = values[index];
    answers[ITEM_FIELDS[index]] = typeof value === "number" ? value : null;
  });
  return answers;
}

export type TSavedAnswers = {
  responseId: string;
  isComplete: boolean;
  total: number | null;
  band: TBand | null;
  /** PHQ-9 item 9 is above 0: the client is shown the crisis resources; the therapist has been told. */
  needsSafetyFollowUp: boolean;
  /** The urgent flag this write raised (null when none, or already raised by an earlier draft). */
  raisedFlagId: string | null;
};

/**
 * Writes the client's answers for the open period: a draft (`complete`
 * false, any answers so far) or the finished response (every item answered).
 */
export async function saveAnswers(
  db: TDb,
  client: TSessionUser,
  measure: TMeasureContext,
  input: TMeasureAnswers & { idempotencyKey?: string },
  { complete }: { complete: boolean },
): Promise<TSavedAnswers> {
  // The same submit sent again (a retry, the offline outbox) reads the first, even once its period has closed.
  const key = complete ? (input.idempotencyKey ?? null) : null;
  if (key) {
    const first = await completedBy(db, client, measure, key);
    if (first) return first;
  }
  const now = clockNow();
  const period = openPeriod(measure, now, measure.engagement.sessions[0] ?? null);
  if (!period) throw new AppError("BAD_REQUEST", NOT_OPEN);
  const errors = answerErrors(measure.kind, input, { complete });
  if (Object.keys(errors).length > 0) {
    throw new AppError("BAD_REQUEST", complete ? "A few questions still need an answer." : "Some answers don't fit this questionnaire.", errors);
  }
  const answers = answersOf(measure.kind, input);
  const difficulty = input.difficulty ?? null;
  const scored = complete ? scoreMeasure(measure.kind, answers as number[]) : null;
  return db.$transaction(async (tx) => {
    // Insert or rewrite the period's draft; a completed row is left alone and returns nothing.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO measure_responses
        (id, assignment_id, engagement_id, client_id, kind, period_key, answers, difficulty, total, completed_at, idempotency_key, created_at, updated_at)
      VALUES (gen_random_uuid(), ${measure.id}::uuid, ${measure.engagement.id}::uuid, ${client.id}::uuid,
        ${measure.kind}::"MeasureKind", ${period.key},
        ${sealAnswers({ engagementId: measure.engagement.id, assignmentId: measure.id, periodKey: period.key }, answers)},
        ${difficulty}::smallint,
        ${scored?.total ?? null}::smallint, ${complete ? now : null}::timestamptz, ${key}, ${now}::timestamptz, ${now}::timestamptz)
      ON CONFLICT (assignment_id, period_key) DO UPDATE SET
        answers = EXCLUDED.answers, difficulty = EXCLUDED.difficulty, total = EXCLUDED.total,
        completed_at = EXCLUDED.completed_at, idempotency_key = EXCLUDED.idempotency_key, updated_at = EXCLUDED.updated_at
      WHERE measure_responses.completed_at IS NULL
      RETURNING id`;
    if (rows.length === 0) {
      // Two sends of the same submit at once: the first one's answer.
      const first = key ? await completedBy(tx, client, measure, key) : null;
      if (first) return first;
      throw new AppError("CONFLICT", ALREADY_COMPLETED);
    }
    const responseId = rows[0]!.id;
    const needsSafetyFollowUp = isSafetyAnswer(measure.kind, answers);
    const raisedFlagId = needsSafetyFollowUp ? await raiseFlag(tx, client, measure.engagement, responseId, now) : null;
    return { responseId, isComplete: complete, total: scored?.total ?? null, band: scored?.band ?? null, needsSafetyFollowUp, raisedFlagId };
  });
}

/** The response this client completed with this key, as its submit answered (the flag, if any, was raised then). */
async function completedBy(db: TWriter, client: TSessionUser, measure: TMeasureContext, key: string): Promise<TSavedAnswers | null> {
  const row = await db.measureResponse.findUnique({
    where: { clientId_idempotencyKey: { clientId: client.id, idempotencyKey: key } },
    select: { id: true, assignmentId: true, engagementId: true, periodKey: true, answers: true, total: true },
  });
  if (!row) return null;
  if (row.assignmentId !== measure.id) throw new AppError("CONFLICT", ALREADY_COMPLETED);
  const answers = openAnswers(row, row.answers);
  return {
    responseId: row.id,
    isComplete: true,
    total: row.total,
    band: row.total === null ? null : bandFor(measure.kind, row.total),
    needsSafetyFollowUp: isSafetyAnswer(measure.kind, answers),
    raisedFlagId: null,
  };
}

/** The response's urgent flag, once: its id when new (and the therapist is told), null when it was already up. */
async function raiseFlag(
  tx: TWriter,
  client: TSessionUser,
  engagement: Pick<TEngagementContext, "id" | "therapistId">,
  responseId: string,
  now: Date,
): Promise<string | null> {
  const raised = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO measure_flags (id, response_id, engagement_id, created_at)
    VALUES (gen_random_uuid(), ${responseId}::uuid, ${engagement.id}::uuid, ${now}::timestamptz)
    ON CONFLICT (response_id) DO NOTHING
    RETURNING id`;
  if (raised.length === 0) return null;
  await notify(tx, {
    userId: engagement.therapistId,
    kind: "measure_urgent",
    title: `Urgent: ${client.name}'s questionnaire needs your attention`,
    linkPath: `/clients/${engagement.id}`,
    engagementId: engagement.id,
  });
  return raised[0]!.id;
}

/** Acknowledges an open urgent flag of this engagement; acknowledging twice changes nothing. */
export async function acknowledgeFlag(db: TDb, therapist: TSessionUser, engagement: TEngagementContext, flagId: string) {
  const now = clockNow();
  const { count } = await db.measureFlag.updateMany({
    where: { id: flagId, engagementId: engagement.id, acknowledgedAt: null },
    data: { acknowledgedAt: now, acknowledgedById: therapist.id },
  });
  const flag = await db.measureFlag.findFirst({
    where: { id: flagId, engagementId: engagement.id },
    select: { id: true, acknowledgedAt: true },
  });
  if (!flag) throw notFound("That flag");
  return { id: flag.id, acknowledgedAt: flag.acknowledgedAt!, wasOpen: count > 0 };
}

// ---------------------------------------------------------------------------
// Reading: one engagement's measures, loaded as part of another statement
// (server/engagements/progress.ts) so a page adds none.

/** The columns a response's sealed answers are bound to. */
const ANSWERS_OWNER_SELECT = { engagementId: true, assignmentId: true, periodKey: true } as const;

export function measuresSelect(viewer: Pick<TSessionUser, "role">) {
  return {
    measureAssignments: {
      where: { stoppedAt: null },
      orderBy: { createdAt: "asc" },
      select: {
        ...MEASURE_SCHEDULE_SELECT,
        responses: { orderBy: { createdAt: "desc" }, take: 1, select: { periodKey: true, completedAt: true } },
      },
    },
    measureResponses: {
      where: { completedAt: { not: null } },
      orderBy: { completedAt: "desc" },
      take: HISTORY_LIMIT,
      select: {
        id: true,
        kind: true,
        total: true,
        difficulty: true,
        completedAt: true,
        ...ANSWERS_OWNER_SELECT,
        answers: viewer.role === "therapist",
      },
    },
    measureFlags: {
      where: { acknowledgedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true, response: { select: { kind: true, completedAt: true, ...ANSWERS_OWNER_SELECT, answers: true } } },
    },
    // The therapist's latest off-track reviews; a client's view selects none (an id list that matches nothing).
    offTrackReviews: {
      where: viewer.role === "therapist" ? {} : { id: { in: [] } },
      orderBy: { createdAt: "desc" },
      take: 2 * MEASURE_KINDS.length,
      select: { id: true, engagementId: true, responseId: true, kind: true, items: true, note: true, createdAt: true },
    },
  } satisfies Prisma.EngagementSelect;
}

type TMeasuresRow = Prisma.EngagementGetPayload<{ select: ReturnType<typeof measuresSelect> }>;

export type TRunningMeasure = {
  id: string;
  kind: TMeasureKind;
  name: string;
  about: string;
  scheduleText: string;
  /** The open period and how far the client is with it; null when nothing is open now. */
  open: { dueBy: Date | null; closesAt: Date | null; state: "to_do" | "started" | "done" } | null;
};

export type TMeasurePoint = {
  id: string;
  total: number;
  band: TBand;
  completedAt: Date;
  /** Therapist only: each item's answer, in order. */
  answers: number[] | null;
  difficulty: number | null;
};

export type TMeasureSeries = {
  kind: TMeasureKind;
  name: string;
  maxTotal: number;
  bands: readonly TBand[];
  /** Oldest first. */
  points: TMeasurePoint[];
  /** From the first answer to the latest, in words; null with fewer than two. */
  change: { text: string; isReliable: boolean; direction: "better" | "worse" | "same" } | null;
  /** Therapist only: this measure is off track now (lib/measures/off-track.ts), in words, with their review of it if any. */
  offTrack: TOffTrackView | null;
};

export type TOffTrackView = TOffTrack & {
  text: string;
  /** The latest answer, which the warning (and a review of it) is about. */
  responseId: string;
  review: { id: string; items: TOffTrackItemKey[]; note: string | null; createdAt: Date } | null;
};

export type TMeasuresOverview = {
  running: TRunningMeasure[];
  series: TMeasureSeries[];
  /** Therapist only: open urgent flags, oldest first, with the item-9 answer as worded on the form. */
  flags: { id: string; kind: TMeasureKind; raisedAt: Date; answerLabel: string; isDraft: boolean }[];
};

export function toMeasuresOverview(
  viewer: Pick<TSessionUser, "role" | "timeZone">,
  row: TMeasuresRow,
  nextSession: { id: string; startsAt: Date } | null,
  now = clockNow(),
): TMeasuresOverview {
  const running = row.measureAssignments.map((assignment): TRunningMeasure => {
    const { period, current } = openPeriodWithResponse(assignment, assignment.responses[0], now, nextSession);
    return {
      id: assignment.id,
      kind: assignment.kind,
      name: INSTRUMENTS[assignment.kind].name,
      about: INSTRUMENTS[assignment.kind].about,
      scheduleText: describeSchedule(assignment),
      open: period
        ? { dueBy: period.dueBy, closesAt: period.closesAt, state: current?.completedAt ? "done" : current ? "started" : "to_do" }
        : null,
    };
  });
  const series = MEASURE_KINDS.flatMap((kind): TMeasureSeries[] => {
    const points = row.measureResponses
      .filter((response) => response.kind === kind && response.total !== null && response.completedAt)
      .reverse()
      .map((response) => ({
        id: response.id,
        total: response.total!,
        band: bandFor(kind, response.total!),
        completedAt: response.completedAt!,
        // Completed, so every item is answered (saveAnswers refuses it otherwise).
        answers: viewer.role === "therapist" && typeof response.answers === "string" ? (openAnswers(response, response.answers) as number[]) : null,
        difficulty: response.difficulty,
      }));
    if (points.length === 0) return [];
    const first = points[0]!;
    const last = points[points.length - 1]!;
    const change = points.length > 1 ? changeBetween(kind, first.total, last.total) : null;
    const warning = viewer.role === "therapist" ? offTrackFor(kind, points.map((point) => point.total), offTrackAfterAnswers()) : null;
    const review = warning ? row.offTrackReviews.find((entry) => entry.kind === kind && entry.responseId === last.id) : undefined;
    return [
      {
        kind,
        name: INSTRUMENTS[kind].name,
        maxTotal: INSTRUMENTS[kind].maxTotal,
        bands: INSTRUMENTS[kind].bands,
        points,
        change: change
          ? { text: describeChange(kind, change, formatDate(first.completedAt, viewer.timeZone)), isReliable: change.isReliable, direction: change.direction }
          : null,
        offTrack: warning
          ? {
              ...warning,
              text: describeOffTrack(warning),
              responseId: last.id,
              review: review
                ? {
                    id: review.id,
                    items: review.items as TOffTrackItemKey[],
                    note: openField("offTrackNote", { engagementId: review.engagementId, reviewId: review.id }, review.note),
                    createdAt: review.createdAt,
                  }
                : null,
            }
          : null,
      },
    ];
  });
  const flags =
    viewer.role === "therapist"
      ? row.measureFlags.map((flag) => ({
          id: flag.id,
          kind: flag.response.kind,
          raisedAt: flag.createdAt,
          answerLabel: safetyAnswerLabel(openAnswers(flag.response, flag.response.answers)),
          isDraft: flag.response.completedAt === null,
        }))
      : [];
  return { running, series, flags };
}

/** The item-9 answer that raised a flag, in the form's words (a draft may since have changed it). */
function safetyAnswerLabel(answers: TItemAnswers): string {
  const answer = answers[PHQ9_SAFETY_ITEM];
  return typeof answer === "number" && answer > 0 ? ANSWER_OPTIONS[answer]!.label : "an answer above “Not at all”";
}

// ---------------------------------------------------------------------------
// The caseload: each active client's latest total per measure and open flags.

export type TCaseloadMeasure = {
  engagementId: string;
  urgentFlags: number;
  latest: { kind: TMeasureKind; name: string; total: number; band: TBand; completedAt: Date }[];
  /** Measures off track now (lib/measures/off-track.ts), in words. */
  offTrack: { kind: TMeasureKind; text: string }[];
};

type TCaseloadMeasureRow = {
  engagement_id: string;
  urgent_flags: number;
  latest: { kind: TMeasureKind; total: number; completed_at: string; first_total: number; answers: number }[] | null;
};

/** One statement for the whole caseload; the where-clause is the therapist's engagement access rule. */
export async function caseloadMeasures(db: TDb, therapist: Pick<TSessionUser, "id">): Promise<TCaseloadMeasure[]> {
  const afterAnswers = offTrackAfterAnswers();
  const rows = await db.$queryRaw<TCaseloadMeasureRow[]>`
    SELECT e.id AS engagement_id,
      (SELECT count(*)::int FROM measure_flags f WHERE f.engagement_id = e.id AND f.acknowledged_at IS NULL) AS urgent_flags,
      (SELECT json_agg(json_build_object('kind', l.kind, 'total', l.total, 'completed_at', l.completed_at,
                                         'first_total', l.first_total, 'answers', l.answers) ORDER BY l.kind)
         -- The window runs before DISTINCT ON keeps the latest row: each measure's first total and count ride along (off track).
         FROM (SELECT DISTINCT ON (r.kind) r.kind, r.total, r.completed_at,
                 first_value(r.total) OVER (PARTITION BY r.kind ORDER BY r.completed_at, r.id) AS first_total,
                 count(*) OVER (PARTITION BY r.kind) AS answers
               FROM measure_responses r
               WHERE r.engagement_id = e.id AND r.completed_at IS NOT NULL
               ORDER BY r.kind, r.completed_at DESC) l) AS latest
    FROM engagements e
    WHERE e.therapist_id = ${therapist.id}::uuid AND e.status = 'active'`;
  return rows
    .filter((row) => row.urgent_flags > 0 || row.latest)
    .map((row) => ({
      engagementId: row.engagement_id,
      urgentFlags: row.urgent_flags,
      latest: (row.latest ?? []).map((entry) => ({
        kind: entry.kind,
        name: INSTRUMENTS[entry.kind].name,
        total: entry.total,
        band: bandFor(entry.kind, entry.total),
        completedAt: new Date(entry.completed_at),
      })),
      offTrack: (row.latest ?? []).flatMap((entry) => {
        const warning = offTrackFromSummary(entry.kind, { first: entry.first_total, latest: entry.total, answers: entry.answers }, afterAnswers);
        return warning ? [{ kind: entry.kind, text: describeOffTrack(warning) }] : [];
      }),
    }));
}
