// The practice's own outcomes (issue 29), for its owner and admins:
// de-identified figures per clinician and for the whole practice, never a
// client's name, words or single answer.
//
// - The unit is a client's work with one clinician (an engagement): a client
//   handed over counts where their records now are.
// - Questionnaires (PHQ-9, GAD-7): among clients with at least two answers of
//   that kind, the median change from the first total to the latest (lower is
//   better), and the share whose change is a reliable improvement or a
//   reliable deterioration (lib/measures/instruments.ts, reliableChange).
// - Homework: of the homework days due up to today, the share done or partly
//   done (all days pooled).
// - Session feedback: the mean of each 0–10 question over all feedback given.
//
// Each table is one SQL statement (GROUPING SETS: one row per clinician and
// one for the practice), so the report costs the same few statements with 10
// clients or 10,000. Before anything leaves the server, every cell counted
// over fewer than MIN_CELL clients is suppressed; and where a column has
// exactly one suppressed clinician, the next smallest is suppressed too, so
// the practice's total minus the shown rows cannot give the hidden one back.
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { INSTRUMENTS, type TMeasureKind } from "../../lib/measures/instruments";
import { localDay } from "../../lib/time/zones";
import { now as clockNow } from "../clock";
import { requireRunsPractice } from "./practices";

/** Fewer clients than this behind a figure, and the figure is not shown. */
export const MIN_CELL = 5;

export type TCell = { isShown: true; value: number } | { isShown: false };
const HIDDEN: TCell = { isShown: false };

export type TMeasureOutcome = {
  /** Clients with two or more answers of this questionnaire. */
  clients: TCell;
  /** Median of latest − first, in points (negative: fewer symptoms). */
  medianChange: TCell;
  /** Shares from 0 to 1. */
  reliablyImproved: TCell;
  reliablyDeteriorated: TCell;
};

export type TOutcomeRow = {
  /** Null for the practice's own row. */
  clinician: { id: string; name: string; hasLeft: boolean } | null;
  clientsWithMeasures: TCell;
  measures: Record<TMeasureKind, TMeasureOutcome>;
  homework: { clients: TCell; doneShare: TCell };
  feedback: { clients: TCell; feltHeard: TCell; workedOnWanted: TCell; approachFit: TCell; overall: TCell };
};

export type TOutcomeReport = { practiceName: string; minCell: number; rows: TOutcomeRow[]; practice: TOutcomeRow };

const KINDS = Object.keys(INSTRUMENTS) as TMeasureKind[];

type TMeasureSqlRow = {
  therapist_id: string | null;
  kind: TMeasureKind;
  clients: bigint;
  median_change: number | null;
  improved: bigint;
  deteriorated: bigint;
};

type TEngagementSqlRow = {
  therapist_id: string | null;
  clients_with_measures: bigint;
  homework_clients: bigint;
  homework_due: bigint;
  homework_done: bigint;
  feedback_clients: bigint;
  felt_heard: number | null;
  worked_on_wanted: number | null;
  approach_fit: number | null;
  overall: number | null;
};

function reliableChangeSql(): Prisma.Sql {
  return Prisma.sql`CASE per.kind::text ${Prisma.join(
    KINDS.map((kind) => Prisma.sql`WHEN ${kind} THEN ${INSTRUMENTS[kind].reliableChange}::int`),
    " ",
  )} END`;
}

/** Table 1: questionnaire change, per clinician and kind, and for the practice per kind. One statement. */
function measureTable(db: TDb, therapistIds: string[]) {
  return db.$queryRaw<TMeasureSqlRow[]>`
    WITH per AS (
      SELECT e.therapist_id, r.engagement_id, r.kind,
             (array_agg(r.total ORDER BY r.completed_at, r.id))[1] AS first,
             (array_agg(r.total ORDER BY r.completed_at DESC, r.id DESC))[1] AS latest
      FROM engagements e
      JOIN measure_responses r ON r.engagement_id = e.id
      WHERE e.therapist_id = ANY(${therapistIds}::uuid[]) AND r.completed_at IS NOT NULL AND r.total IS NOT NULL
      GROUP BY e.therapist_id, r.engagement_id, r.kind
      HAVING count(*) >= 2
    )
    SELECT CASE WHEN GROUPING(per.therapist_id) = 1 THEN NULL ELSE per.therapist_id END AS therapist_id,
           per.kind::text AS kind,
           count(*) AS clients,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY per.latest - per.first) AS median_change,
           count(*) FILTER (WHERE per.first - per.latest >= ${reliableChangeSql()}) AS improved,
           count(*) FILTER (WHERE per.latest - per.first >= ${reliableChangeSql()}) AS deteriorated
    FROM per
    GROUP BY GROUPING SETS ((per.therapist_id, per.kind), (per.kind))`;
}

/** Table 2: clients with answers, homework done, session feedback; per clinician and for the practice. One statement. */
function engagementTable(db: TDb, therapistIds: string[], today: string) {
  return db.$queryRaw<TEngagementSqlRow[]>`
    WITH eng AS (
      SELECT e.id, e.therapist_id FROM engagements e WHERE e.therapist_id = ANY(${therapistIds}::uuid[]) AND e.client_id IS NOT NULL
    ),
    answered AS (
      SELECT DISTINCT r.engagement_id FROM measure_responses r JOIN eng ON eng.id = r.engagement_id WHERE r.completed_at IS NOT NULL
    ),
    homework AS (
      SELECT a.engagement_id, count(*) AS due, count(c.id) FILTER (WHERE c.status IN ('done', 'partly_done')) AS done
      FROM homework_assignments a
      JOIN eng ON eng.id = a.engagement_id
      JOIN homework_occurrences o ON o.assignment_id = a.id
      LEFT JOIN homework_completions c ON c.occurrence_id = o.id
      WHERE o.due_on <= ${today}::date
      GROUP BY a.engagement_id
    ),
    feedback AS (
      SELECT s.engagement_id, count(*) AS given,
             sum(f.felt_heard) AS felt_heard, sum(f.worked_on_wanted) AS worked_on_wanted,
             sum(f.approach_fit) AS approach_fit, sum(f.overall) AS overall
      FROM session_feedback f
      JOIN therapy_sessions s ON s.id = f.session_id
      JOIN eng ON eng.id = s.engagement_id
      GROUP BY s.engagement_id
    )
    SELECT CASE WHEN GROUPING(eng.therapist_id) = 1 THEN NULL ELSE eng.therapist_id END AS therapist_id,
           count(answered.engagement_id) AS clients_with_measures,
           count(homework.engagement_id) AS homework_clients,
           coalesce(sum(homework.due), 0)::bigint AS homework_due,
           coalesce(sum(homework.done), 0)::bigint AS homework_done,
           count(feedback.engagement_id) AS feedback_clients,
           (sum(feedback.felt_heard)::float8 / nullif(sum(feedback.given), 0)) AS felt_heard,
           (sum(feedback.worked_on_wanted)::float8 / nullif(sum(feedback.given), 0)) AS worked_on_wanted,
           (sum(feedback.approach_fit)::float8 / nullif(sum(feedback.given), 0)) AS approach_fit,
           (sum(feedback.overall)::float8 / nullif(sum(feedback.given), 0)) AS overall
    FROM eng
    LEFT JOIN answered ON answered.engagement_id = eng.id
    LEFT JOIN homework ON homework.engagement_id = eng.id
    LEFT JOIN feedback ON feedback.engagement_id = eng.id
    GROUP BY GROUPING SETS ((eng.therapist_id), ())`;
}

/** A figure over `clients` clients: shown only when there are at least MIN_CELL of them. */
function cell(clients: number, value: number | null): TCell {
  return clients >= MIN_CELL && value !== null && Number.isFinite(value) ? { isShown: true, value } : HIDDEN;
}

/**
 * Secondary suppression: in a column (one group of figures over the same
 * clients), if exactly one clinician with some clients is hidden, the next
 * smallest shown one is hidden too. `groups` is each clinician row's count.
 */
export function complementaryHidden(counts: number[]): Set<number> {
  const hidden = counts.map((count, index) => ({ count, index })).filter(({ count }) => count > 0 && count < MIN_CELL);
  if (hidden.length !== 1) return new Set(hidden.map(({ index }) => index));
  const nextSmallest = counts
    .map((count, index) => ({ count, index }))
    .filter(({ count }) => count >= MIN_CELL)
    .sort((a, b) => a.count - b.count)[0];
  return new Set([hidden[0].index, ...(nextSmallest ? [nextSmallest.index] : [])]);
}

type TRawRow = { therapistId: string | null; measures: Map<TMeasureKind, TMeasureSqlRow>; engagement: TEngagementSqlRow | undefined };

function toRow(raw: TRawRow, clinician: TOutcomeRow["clinician"], hide: (group: string) => boolean): TOutcomeRow {
  const engagement = raw.engagement;
  const n = (value: bigint | undefined) => Number(value ?? 0);
  const guarded = (group: string, clients: number, value: number | null): TCell => (hide(group) ? HIDDEN : cell(clients, value));
  const measures = Object.fromEntries(
    KINDS.map((kind) => {
      const row = raw.measures.get(kind);
      const clients = n(row?.clients);
      const share = (count: bigint | undefined) => (clients > 0 ? n(count) / clients : null);
      return [
        kind,
        {
          clients: guarded(kind, clients, clients),
          medianChange: guarded(kind, clients, row?.median_change ?? null),
          reliablyImproved: guarded(kind, clients, share(row?.improved)),
          reliablyDeteriorated: guarded(kind, clients, share(row?.deteriorated)),
        },
      ];
    }),
  ) as Record<TMeasureKind, TMeasureOutcome>;
  const homeworkClients = n(engagement?.homework_clients);
  const due = n(engagement?.homework_due);
  const feedbackClients = n(engagement?.feedback_clients);
  const withMeasures = n(engagement?.clients_with_measures);
  return {
    clinician,
    clientsWithMeasures: guarded("answered", withMeasures, withMeasures),
    measures,
    homework: {
      clients: guarded("homework", homeworkClients, homeworkClients),
      doneShare: guarded("homework", homeworkClients, due > 0 ? n(engagement?.homework_done) / due : null),
    },
    feedback: {
      clients: guarded("feedback", feedbackClients, feedbackClients),
      feltHeard: guarded("feedback", feedbackClients, engagement?.felt_heard ?? null),
      workedOnWanted: guarded("feedback", feedbackClients, engagement?.worked_on_wanted ?? null),
      approachFit: guarded("feedback", feedbackClients, engagement?.approach_fit ?? null),
      overall: guarded("feedback", feedbackClients, engagement?.overall ?? null),
    },
  };
}

/** The report for the caller's practice: owners and admins only (FORBIDDEN for anyone else). */
export async function practiceOutcomes(db: TDb, user: TSessionUser, now = clockNow()): Promise<TOutcomeReport> {
  const place = await requireRunsPractice(db, user);
  // The practice's people, past and present, with their names: one statement (a practice of one: the owner alone).
  const members = place.practiceId
    ? await db.practiceMember.findMany({
        where: { practiceId: place.practiceId },
        select: { leftAt: true, role: true, user: { select: { id: true, name: true } }, practice: { select: { name: true } } },
        orderBy: { joinedAt: "asc" },
      })
    : [{ leftAt: null, role: "owner" as const, user: { id: user.id, name: user.name }, practice: { name: `${user.name}'s practice` } }];
  const therapistIds = members.map((member) => member.user.id);
  const [measureRows, engagementRows] = await Promise.all([
    measureTable(db, therapistIds),
    engagementTable(db, therapistIds, localDay(now, user.timeZone)),
  ]);

  const rawFor = (therapistId: string | null): TRawRow => ({
    therapistId,
    measures: new Map(measureRows.filter((row) => row.therapist_id === therapistId).map((row) => [row.kind, row])),
    engagement: engagementRows.find((row) => row.therapist_id === therapistId),
  });
  // Admins see no clients; a clinician row is everyone who has (or had) clients here.
  const clinicians = members.filter((member) => member.role !== "admin" || engagementRows.some((row) => row.therapist_id === member.user.id));
  const raws = clinicians.map((member) => rawFor(member.user.id));

  // The clients behind each column, per clinician row, for complementary suppression.
  const columnCounts: Record<string, number[]> = {
    answered: raws.map((raw) => Number(raw.engagement?.clients_with_measures ?? 0)),
    homework: raws.map((raw) => Number(raw.engagement?.homework_clients ?? 0)),
    feedback: raws.map((raw) => Number(raw.engagement?.feedback_clients ?? 0)),
    ...Object.fromEntries(KINDS.map((kind) => [kind, raws.map((raw) => Number(raw.measures.get(kind)?.clients ?? 0))])),
  };
  const hiddenInColumn = Object.fromEntries(Object.entries(columnCounts).map(([group, counts]) => [group, complementaryHidden(counts)]));

  const rows = clinicians.map((member, index) =>
    toRow(raws[index], { id: member.user.id, name: member.user.name, hasLeft: member.leftAt !== null }, (group) => hiddenInColumn[group].has(index)),
  );
  return { practiceName: members[0]?.practice.name ?? "", minCell: MIN_CELL, rows, practice: toRow(rawFor(null), null, () => false) };
}
