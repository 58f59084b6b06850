// What a client fills in for an exercise, and how both read it back (issue 23).
//
// INVARIANTS
// - Entries are reachable exactly as their occurrence is (server/homework/
//   access.ts): the engagement's therapist or client; the procedures load the
//   occurrence first.
// - A draft is the client's alone: the therapist never reads one, in a
//   view, a table, a chart or the brief. It becomes shared when sent.
// - A draft keeps the form version it was started on; a new entry takes the
//   assignment's version. A sent entry is fixed: drafts and sends after it
//   change nothing.
// - Answers are checked against their version (lib/exercises/form-
//   definition.ts), a ladder step against this engagement's ladder; a draft
//   may be unfinished, a send may not. Errors are per field.
// - Sending records the day as done (HomeworkCompletion) in the same
//   transaction, so adherence, reminders, the skip path and the reply work as
//   for any homework; it tells the therapist (their name, never the words)
//   and puts a "homework review" item on the next session's agenda, once.
//   A retry, or a second send at once, changes nothing and tells no one again.
// - Answers are sealed under the occurrence and the version answered.
import { placeMemo } from "../voice/memos";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError } from "../errors";
import { sealField } from "../crypto/sealed-fields";
import { answerErrors, type TAnswers, type TExerciseForm } from "../../lib/exercises/form-definition";
import { dbToLocalDate } from "../../lib/homework/schedule";
import { localDay } from "../../lib/time/zones";
import type { TOccurrenceContext } from "../homework/access";
import { openAssignmentText } from "../homework/sealing";
import { openCompletion, COMPLETION_SELECT } from "../homework/completions";
import { notify } from "../notifications/notify";
import { addExerciseReviewItem } from "../sessions/agenda";
import { now as clockNow } from "../clock";
import { openDefinition } from "./forms";
import { openEntryAnswers, sealEntryAnswers } from "./sealing";
import { ladderStepsOf } from "./ladder";

type TFormRow = { id: string; version: number; definition: string };
const FORM_SELECT = { id: true, version: true, definition: true } as const;

/** Empty answers are not kept: a draft holds what was typed, nothing more. */
function trimmed(answers: TAnswers): TAnswers {
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== null && value !== "" && !(Array.isArray(value) && value.length === 0)));
}

function assertFormAssignment(occurrence: TOccurrenceContext): string {
  if (!occurrence.assignment.formId) throw new AppError("BAD_REQUEST", "This homework has no exercise to fill in.");
  return occurrence.assignment.formId;
}

function assertClientCanWrite(client: TSessionUser, occurrence: TOccurrenceContext, now: Date): void {
  if (occurrence.assignment.status !== "active") throw new AppError("BAD_REQUEST", "This homework was cancelled, so there's nothing to fill in.");
  if (dbToLocalDate(occurrence.opensOn) > localDay(now, client.timeZone)) {
    throw new AppError("BAD_REQUEST", "This one isn't open yet. It will be ready on its day.");
  }
}

/** Every ladder_step answer (in a field or a group's column) must be a step of this engagement's ladder. */
async function ladderErrors(db: TDb, engagementId: string, form: TExerciseForm, answers: TAnswers): Promise<Record<string, string[]>> {
  const picked: [string, string][] = [];
  for (const field of form.fields) {
    if (field.type === "ladder_step" && typeof answers[field.key] === "string") picked.push([field.key, answers[field.key] as string]);
    if (field.type === "repeating_group" && Array.isArray(answers[field.key])) {
      (answers[field.key] as Record<string, unknown>[]).forEach((row, index) => {
        for (const column of field.columns) {
          if (column.type === "ladder_step" && typeof row[column.key] === "string") picked.push([`${field.key}.${index}.${column.key}`, row[column.key] as string]);
        }
      });
    }
  }
  if (picked.length === 0) return {};
  const steps = await db.ladderStep.findMany({ where: { engagementId, id: { in: picked.map(([, id]) => id) } }, select: { id: true } });
  const known = new Set(steps.map((step) => step.id));
  return Object.fromEntries(picked.filter(([, id]) => !known.has(id)).map(([path]) => [path, ["Choose a step from your ladder."]]));
}

async function checkedAnswers(db: TDb, occurrence: TOccurrenceContext, form: TExerciseForm, answers: TAnswers, isComplete: boolean): Promise<TAnswers> {
  const kept = trimmed(answers);
  const errors = { ...answerErrors(form, kept, { isComplete }), ...(await ladderErrors(db, occurrence.assignment.engagement.id, form, kept)) };
  if (Object.keys(errors).length > 0) {
    throw new AppError("BAD_REQUEST", isComplete ? "A few answers need another look. They're marked below." : "That answer couldn't be kept. It's marked below.", errors);
  }
  return kept;
}

/** The version this occurrence's entry answers: its draft's, or the assignment's. */
async function formFor(db: TDb, occurrence: TOccurrenceContext): Promise<{ row: TFormRow; existing: { sentAt: Date | null } | null }> {
  const assignmentFormId = assertFormAssignment(occurrence);
  const existing = await db.exerciseEntry.findUnique({ where: { occurrenceId: occurrence.id }, select: { sentAt: true, form: { select: FORM_SELECT } } });
  if (existing?.sentAt) throw new AppError("BAD_REQUEST", "This one was already sent. It can't be changed now, but you can add to it in your next entry or at your session.");
  const row = existing?.form ?? (await db.exerciseForm.findUniqueOrThrow({ where: { id: assignmentFormId }, select: FORM_SELECT }));
  return { row, existing };
}

/** Keeps what the client has typed so far. Returns the entry and when it was kept. */
export async function saveEntryDraft(db: TDb, client: TSessionUser, occurrence: TOccurrenceContext, answers: TAnswers, now = clockNow()) {
  assertClientCanWrite(client, occurrence, now);
  if (occurrence.completion) throw new AppError("BAD_REQUEST", "This day is already recorded.");
  const { row } = await formFor(db, occurrence);
  const kept = await checkedAnswers(db, occurrence, openDefinition(row), answers, false);
  const sealed = sealEntryAnswers({ occurrenceId: occurrence.id, formId: row.id }, kept);
  const updated = await db.exerciseEntry.updateMany({ where: { occurrenceId: occurrence.id, sentAt: null }, data: { answers: sealed } });
  if (updated.count === 0) {
    const { engagement } = occurrence.assignment;
    await db.exerciseEntry.createMany({
      data: [{ occurrenceId: occurrence.id, assignmentId: occurrence.assignment.id, engagementId: engagement.id, clientId: client.id, formId: row.id, answers: sealed }],
      skipDuplicates: true,
    });
  }
  const entry = await db.exerciseEntry.findUniqueOrThrow({ where: { occurrenceId: occurrence.id }, select: { id: true } });
  return { id: entry.id, keptAt: now };
}

/** Sends the entry: fixed from now on, shared with the therapist, and the day recorded as done. */
export async function sendEntry(db: TDb, client: TSessionUser, occurrence: TOccurrenceContext, answers: TAnswers, voiceMemoId?: string, now = clockNow()) {
  assertClientCanWrite(client, occurrence, now);
  const sent = await db.exerciseEntry.findUnique({ where: { occurrenceId: occurrence.id }, select: { id: true, sentAt: true } });
  // A retry of a send that went through: nothing more happens.
  if (sent?.sentAt) return { id: sent.id };
  if (occurrence.completion) throw new AppError("BAD_REQUEST", "This day is already recorded.");
  const { row } = await formFor(db, occurrence);
  const kept = await checkedAnswers(db, occurrence, openDefinition(row), answers, true);
  const { engagement } = occurrence.assignment;
  return db.$transaction(async (tx) => {
    const sealed = sealEntryAnswers({ occurrenceId: occurrence.id, formId: row.id }, kept);
    // The draft (of the version these answers were checked against) is sent, or the entry is written sent.
    // Two sends at once: the second changes nothing (ON CONFLICT DO NOTHING) and tells no one again.
    const promoted = await tx.exerciseEntry.updateMany({
      where: { occurrenceId: occurrence.id, formId: row.id, sentAt: null },
      data: { answers: sealed, sentAt: now },
    });
    const written =
      promoted.count === 1
        ? promoted
        : await tx.exerciseEntry.createMany({
            data: [{ occurrenceId: occurrence.id, assignmentId: occurrence.assignment.id, engagementId: engagement.id, clientId: client.id, formId: row.id, answers: sealed, sentAt: now }],
            skipDuplicates: true,
          });
    if (written.count !== 1) {
      const other = await tx.exerciseEntry.findUniqueOrThrow({ where: { occurrenceId: occurrence.id }, select: { id: true, sentAt: true } });
      if (other.sentAt) return { id: other.id };
      throw new AppError("CONFLICT", "This exercise changed in another window just now. Reload it and send again.");
    }
    await tx.homeworkCompletion.createMany({
      data: {
        occurrenceId: occurrence.id,
        clientId: client.id,
        status: "done",
        response: sealField("completionResponse", { occurrenceId: occurrence.id }, ""),
        obstacle: sealField("completionObstacle", { occurrenceId: occurrence.id }, ""),
        completedAt: now,
      },
      skipDuplicates: true,
    });
    if (engagement.therapistId) {
      await notify(tx, {
        userId: engagement.therapistId,
        kind: "homework_recorded",
        title: `${client.name} sent an exercise`,
        linkPath: `/homework/${occurrence.assignment.id}/entries/${occurrence.id}`,
        engagementId: engagement.id,
      });
    }
    if (voiceMemoId) await placeMemo(tx, client, voiceMemoId, { occurrenceId: occurrence.id });
    await addExerciseReviewItem(tx, engagement.id, client.id, now);
    return tx.exerciseEntry.findUniqueOrThrow({ where: { occurrenceId: occurrence.id }, select: { id: true } });
  });
}

/** The therapist's note of how the skill went (null clears it); only on a sent entry. */
export async function rateSkill(db: TDb, therapist: TSessionUser, occurrence: TOccurrenceContext, skillRating: number | null, now = clockNow()) {
  const updated = await db.exerciseEntry.updateMany({
    where: { occurrenceId: occurrence.id, sentAt: { not: null } },
    data: { skillRating, skillRatedById: skillRating === null ? null : therapist.id, skillRatedAt: skillRating === null ? null : now },
  });
  if (updated.count !== 1) throw new AppError("BAD_REQUEST", "There's nothing sent to note yet.");
  return db.exerciseEntry.findUniqueOrThrow({ where: { occurrenceId: occurrence.id }, select: { id: true, skillRating: true } });
}

/**
 * One occurrence's exercise as its page shows it: the form, the answers
 * (the client's draft only to the client), the skill note and the reply,
 * and the ladder when the form asks for a step.
 */
export async function entryView(db: TDb, user: TSessionUser, occurrence: TOccurrenceContext) {
  const assignmentFormId = assertFormAssignment(occurrence);
  const { engagement } = occurrence.assignment;
  const [assignment, entry, completion] = await Promise.all([
    db.homeworkAssignment.findUniqueOrThrow({
      where: { id: occurrence.assignment.id },
      select: {
        id: true,
        title: true,
        instructions: true,
        form: { select: FORM_SELECT },
        engagement: { select: { therapist: { select: { name: true } }, client: { select: { name: true } } } },
      },
    }),
    db.exerciseEntry.findUnique({
      where: { occurrenceId: occurrence.id },
      select: { id: true, occurrenceId: true, formId: true, answers: true, sentAt: true, skillRating: true, skillRatedAt: true, updatedAt: true, form: { select: FORM_SELECT } },
    }),
    occurrence.completion ? db.homeworkCompletion.findUnique({ where: { id: occurrence.completion.id }, select: COMPLETION_SELECT }) : null,
  ]);
  const visible = entry && (entry.sentAt || user.role === "client") ? entry : null;
  const formRow = visible?.form ?? assignment.form;
  if (!formRow || formRow.id !== (visible?.formId ?? assignmentFormId)) throw new AppError("BAD_REQUEST", "This homework has no exercise to fill in.");
  const form = openDefinition(formRow);
  const usesLadder = form.fields.some((field) => field.type === "ladder_step" || (field.type === "repeating_group" && field.columns.some((column) => column.type === "ladder_step")));
  return {
    assignment: openAssignmentText({ engagementId: engagement.id, assignmentId: assignment.id }, { id: assignment.id, title: assignment.title, instructions: assignment.instructions }),
    occurrence: { id: occurrence.id, opensOn: dbToLocalDate(occurrence.opensOn), dueOn: dbToLocalDate(occurrence.dueOn) },
    engagementId: engagement.id,
    form,
    formVersion: formRow.version,
    answers: visible ? openEntryAnswers(visible) : null,
    state: visible?.sentAt ? ("sent" as const) : visible ? ("draft" as const) : occurrence.completion ? ("recorded" as const) : ("empty" as const),
    sentAt: visible?.sentAt ?? null,
    draftKeptAt: visible && !visible.sentAt ? visible.updatedAt : null,
    skillRating: visible?.sentAt ? visible.skillRating : null,
    completion: completion ? openCompletion(completion) : null,
    ladder: usesLadder ? await ladderStepsOf(db, engagement.id) : null,
    viewerRole: user.role,
    people: { therapist: assignment.engagement.therapist.name, client: assignment.engagement.client?.name ?? "Client" },
    // Whether anything can still be written: the entry page shows the form only then.
    isActive: occurrence.assignment.status === "active" && engagement.status === "active",
  };
}

export type TEntryView = Awaited<ReturnType<typeof entryView>>;
