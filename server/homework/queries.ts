// Read models for homework. Each is a fixed number of SQL statements however
// many assignments, occurrences or clients there are (docs/house-style.md, H13).
// Titles and instructions (and a linked goal's title) are stored sealed and
// opened here with their row's owner.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { clientToday } from "./client-day";
import { COMPLETION_SELECT, openCompletion } from "./completions";
import { MEMO_SELECT, openMemo } from "../voice/memos";
import { adherence, dbToLocalDate, localDateToDb, occurrenceState } from "../../lib/homework/schedule";
import { addDays } from "../../lib/time/days";
import { localDay } from "../../lib/time/zones";
import { now as clockNow } from "../clock";
import { openAssignmentText } from "./sealing";
import { openGoalTitle } from "../goals/sealing";

export const ASSIGNMENT_LIST_LIMIT = 50;
export const DUE_LIST_LIMIT = 50;
/** "This period" on the caseload: the last seven days, today included. */
export const ADHERENCE_DAYS = 7;


/** An assignment's own columns and its goal, as the pages and the exports show them. */
export const ASSIGNMENT_FIELDS = {
  id: true,
  title: true,
  instructions: true,
  kind: true,
  schedule: true,
  startsOn: true,
  endsOn: true,
  timesPerWeek: true,
  status: true,
  createdAt: true,
  goal: { select: { id: true, engagementId: true, title: true } },
} as const;

const ASSIGNMENT_SELECT = {
  ...ASSIGNMENT_FIELDS,
  engagementId: true,
  // An exercise: the version it was given, and its template's newest (server/exercises/forms.ts).
  form: { select: { version: true, template: { select: { forms: { orderBy: { version: "desc" }, take: 1, select: { version: true } } } } } },
  occurrences: {
    orderBy: { dueOn: "asc" },
    // "Tell me how it went": placed only when the day is recorded, so the therapist may hear it (server/voice/access.ts).
    select: { id: true, opensOn: true, dueOn: true, completion: { select: COMPLETION_SELECT }, voiceMemos: { orderBy: { createdAt: "asc" }, select: MEMO_SELECT } },
  },
} as const;

type TAssignmentRow = Awaited<ReturnType<typeof loadAssignments>>[number];

function loadAssignments(db: TDb, where: { engagementId: string } | { id: string }) {
  return db.homeworkAssignment.findMany({
    where,
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: ASSIGNMENT_LIST_LIMIT,
    select: ASSIGNMENT_SELECT,
  });
}

function shape({ engagementId, goal, form, ...row }: TAssignmentRow, today: string) {
  const occurrences = row.occurrences.map((occurrence) => {
    const opensOn = dbToLocalDate(occurrence.opensOn);
    const dueOn = dbToLocalDate(occurrence.dueOn);
    const state = occurrenceState({ opensOn, dueOn, completion: occurrence.completion?.status ?? null }, today);
    const completion = occurrence.completion ? openCompletion(occurrence.completion) : null;
    return { id: occurrence.id, opensOn, dueOn, state, completion, voiceMemos: occurrence.voiceMemos.map(openMemo) };
  });
  const due = occurrences.filter((occurrence) => occurrence.dueOn <= today);
  return {
    ...openAssignmentText({ engagementId, assignmentId: row.id }, row),
    goal: goal ? { id: goal.id, title: openGoalTitle({ engagementId: goal.engagementId, goalId: goal.id }, goal.title) } : null,
    startsOn: dbToLocalDate(row.startsOn),
    endsOn: dbToLocalDate(row.endsOn),
    exercise: form ? { version: form.version, newestVersion: form.template?.forms[0]?.version ?? form.version } : null,
    occurrences,
    progress: {
      done: due.filter((occurrence) => occurrence.state === "done" || occurrence.state === "partly_done").length,
      due: due.length,
      total: occurrences.length,
    },
  };
}

export type THomeworkAssignment = ReturnType<typeof shape>;

/** Callers have resolved the engagement through the engagement resource (server/api/resources.ts). Dates are the client's. */
export async function listAssignments(
  db: TDb,
  engagement: { id: string; clientId: string | null },
  options: { now?: Date; clientTimeZone?: string | null } = {},
) {
  const now = options.now ?? clockNow();
  const [rows, today] = await Promise.all([
    loadAssignments(db, { engagementId: engagement.id }),
    clientToday(db, engagement.clientId, now, options.clientTimeZone),
  ]);
  const assignments = rows.map((row) => shape(row, today));
  const period = { from: addDays(today, -(ADHERENCE_DAYS - 1)), to: today };
  const recent = adherence(
    assignments
      .filter((assignment) => assignment.status === "active")
      .flatMap((assignment) =>
        assignment.occurrences.map((occurrence) => ({ dueOn: occurrence.dueOn, completion: occurrence.completion?.status ?? null })),
      ),
    period,
  );
  return { today, assignments, adherence: { ...recent, ...period } };
}

/** Callers have resolved the assignment through assignmentProcedure. */
export async function getAssignment(db: TDb, assignmentId: string, engagementId: string, now = clockNow()) {
  const [[row], engagement] = await Promise.all([
    loadAssignments(db, { id: assignmentId }),
    db.engagement.findUniqueOrThrow({
      where: { id: engagementId },
      select: {
        id: true,
        status: true,
        therapist: { select: { name: true } },
        client: { select: { name: true, timeZone: true } },
      },
    }),
  ]);
  const today = localDay(now, engagement.client?.timeZone ?? "UTC");
  return {
    ...shape(row, today),
    today,
    engagement: { id: engagement.id, status: engagement.status },
    people: { therapist: engagement.therapist.name, client: engagement.client?.name ?? "Client" },
  };
}

/** The client's "to do": open occurrences that are due today or overdue, across active work. */
export async function listDueForClient(db: TDb, client: TSessionUser, now = clockNow()) {
  const today = localDay(now, client.timeZone);
  const rows = await db.homeworkOccurrence.findMany({
    where: {
      completion: null,
      opensOn: { lte: localDateToDb(today) },
      assignment: { status: "active", engagement: { clientId: client.id, status: "active" } },
    },
    // Ties in the order the homework was set (ids are time-ordered uuid v7): the same order on every read.
    orderBy: [{ dueOn: "asc" }, { assignmentId: "asc" }],
    take: DUE_LIST_LIMIT,
    select: {
      id: true,
      opensOn: true,
      dueOn: true,
      assignment: {
        select: { id: true, engagementId: true, title: true, kind: true, formId: true, engagement: { select: { therapist: { select: { name: true } } } } },
      },
    },
  });
  return rows.map((row) => {
    const dueOn = dbToLocalDate(row.dueOn);
    return {
      id: row.id,
      dueOn,
      isOverdue: dueOn < today,
      assignment: {
        id: row.assignment.id,
        ...openAssignmentText({ engagementId: row.assignment.engagementId, assignmentId: row.assignment.id }, { title: row.assignment.title }),
        kind: row.assignment.kind,
        isExercise: row.assignment.formId !== null,
      },
      therapistName: row.assignment.engagement.therapist.name,
    };
  });
}

/**
 * Homework done vs assigned over the last ADHERENCE_DAYS days, per active
 * engagement of this therapist: one grouped statement for the whole caseload.
 * Days are counted in the therapist's zone; for clients far away the window
 * may be off by a day, which a weekly figure tolerates.
 */
export async function caseloadAdherence(db: TDb, therapist: TSessionUser, now = clockNow()) {
  const to = localDay(now, therapist.timeZone);
  const from = addDays(to, -(ADHERENCE_DAYS - 1));
  const rows = await db.$queryRaw<{ engagement_id: string; done: bigint; assigned: bigint }[]>`
    SELECT a.engagement_id,
           count(*) FILTER (WHERE c.status IN ('done', 'partly_done')) AS done,
           count(*) AS assigned
    FROM homework_occurrences o
    JOIN homework_assignments a ON a.id = o.assignment_id
    JOIN engagements e ON e.id = a.engagement_id
    LEFT JOIN homework_completions c ON c.occurrence_id = o.id
    WHERE e.therapist_id = ${therapist.id}::uuid AND e.status = 'active' AND a.status = 'active'
      AND o.due_on BETWEEN ${from}::date AND ${to}::date
    GROUP BY a.engagement_id`;
  return rows.map((row) => ({ engagementId: row.engagement_id, done: Number(row.done), assigned: Number(row.assigned) }));
}
