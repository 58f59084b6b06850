// One engagement's clinical record as plain, versioned export data, shared by
// the client's export (client-export.ts) and the therapist's export of one
// client (therapist-export.ts).
//
// INVARIANTS
// - Which session notes leave is decided HERE, in the query, by audience:
//   a client's export never selects `therapist_private`; a therapist's never
//   selects a client's takeaways unless the client shared them. Nothing is
//   fetched and filtered afterwards. Exercise entries likewise: a
//   therapist's export selects sent entries only, never a client's draft.
// - An exercise entry reads with the labels of the form version it
//   answered (lib/exercises/readable.ts), whatever the template says now.
// - Callers pass a where that already limits engagements to the caller's own
//   (engagementWhereForUser or an engagement resolved through it).
// - A fixed number of SQL statements however many engagements, goals,
//   homework days or sessions there are (one per relation level).
// - Sealed text is opened with its row's owner (server/crypto/sealed-fields).
// - Timestamps are ISO 8601 in UTC; local calendar dates are "YYYY-MM-DD".
import { openPlanContent, openVersionContent } from "../safety-plans/sealing";
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { Role, SessionNoteKind } from "../db/generated/enums";
import { openField } from "../crypto/sealed-fields";
import { dbToLocalDate } from "../../lib/homework/schedule";
import { bandFor, INSTRUMENTS } from "../../lib/measures/instruments";
import { describeSchedule } from "../../lib/measures/schedule";
import { OFF_TRACK_CHECKLIST } from "../../lib/measures/off-track";
import { openGoalText, openGoalTitle, openRatingNote, openStatusNote, openStepText } from "../goals/sealing";
import { openAssignmentText } from "../homework/sealing";
import { openAnswers } from "../measures/sealing";
import { SESSION_FIELDS } from "../sessions/queries";
import { ASSIGNMENT_FIELDS } from "../homework/queries";
import { formOpener, openEntryAnswers } from "../exercises/sealing";
import { readableAnswers } from "../../lib/exercises/readable";
import { skillLabel } from "../../lib/exercises/skill";

export type TExportAudience = "client" | "therapist";

/** The exercise entries each audience takes with them: the client's drafts only to the client, in the query. */
export function exportEntryWhere(audience: TExportAudience): Prisma.ExerciseEntryWhereInput {
  return audience === "client" ? {} : { sentAt: { not: null } };
}

/** Who may read each kind of note, as the export labels it. */
export const NOTE_AUDIENCE: Record<SessionNoteKind, string> = {
  shared_summary: "shared",
  client_takeaway: "client",
  therapist_private: "therapist_private",
};

/**
 * The notes each audience takes with them: built into the query, never
 * filtered after. A therapist takes the private notes they wrote or were
 * handed (server/handovers), never a previous clinician's.
 */
export function exportNoteWhere(audience: TExportAudience, readerId?: string): Prisma.SessionNoteWhereInput {
  if (audience === "client") return { kind: { in: ["shared_summary", "client_takeaway"] } };
  const privateNotes: Prisma.SessionNoteWhereInput[] = readerId
    ? [{ kind: "therapist_private", OR: [{ authorId: readerId }, { handedOverToId: readerId }] }]
    : [];
  return { OR: [{ kind: "shared_summary" }, ...privateNotes, { kind: "client_takeaway", isSharedWithTherapist: true }] };
}

const person = { select: { name: true, role: true } } as const;

function engagementSelect(audience: TExportAudience, readerId?: string) {
  return {
    id: true,
    status: true,
    startedAt: true,
    endedAt: true,
    createdAt: true,
    therapist: { select: { name: true, email: true } },
    client: { select: { name: true, email: true, timeZone: true } },
    goals: {
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        title: true,
        description: true,
        whyItMatters: true,
        status: true,
        targetDate: true,
        createdAt: true,
        createdBy: person,
        statusChanges: {
          orderBy: { createdAt: "asc" },
          select: { id: true, fromStatus: true, toStatus: true, note: true, createdAt: true, changedBy: person },
        },
        steps: { orderBy: { position: "asc" }, select: { id: true, text: true, position: true, doneAt: true, createdAt: true } },
        ratings: {
          orderBy: { createdAt: "asc" },
          select: { id: true, value: true, note: true, authorRole: true, createdAt: true, sessionId: true, author: person },
        },
      },
    },
    homeworkAssignments: {
      orderBy: [{ startsOn: "asc" }, { createdAt: "asc" }],
      select: {
        ...ASSIGNMENT_FIELDS,
        cancelledAt: true,
        form: { select: { version: true } },
        entries: {
          where: exportEntryWhere(audience),
          select: {
            occurrenceId: true,
            answers: true,
            sentAt: true,
            updatedAt: true,
            skillRating: true,
            form: { select: { id: true, version: true, definition: true } },
          },
        },
        occurrences: {
          orderBy: { dueOn: "asc" },
          select: {
            id: true,
            opensOn: true,
            dueOn: true,
            completion: {
              select: {
                status: true,
                response: true,
                obstacle: true,
                difficulty: true,
                helpfulness: true,
                completedAt: true,
                feedback: true,
                feedbackAt: true,
                feedbackBy: person,
              },
            },
          },
        },
      },
    },
    sessions: {
      orderBy: { startsAt: "asc" },
      select: {
        ...SESSION_FIELDS,
        agendaItems: {
          orderBy: { position: "asc" },
          select: { authorId: true, text: true, kind: true, status: true, createdAt: true, messageId: true, author: person },
        },
        notes: {
          where: exportNoteWhere(audience, readerId),
          orderBy: { kind: "asc" },
          select: { kind: true, body: true, isSharedWithTherapist: true, createdAt: true, updatedAt: true, author: person },
        },
        feedback: {
          select: { feltHeard: true, workedOnWanted: true, approachFit: true, overall: true, comment: true, createdAt: true },
        },
      },
    },
    conversation: { select: { mode: true, replyTime: true } },
    // The whole conversation, oldest first: both people read all of it, so both exports carry all of it.
    messages: {
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        authorId: true,
        body: true,
        replyToId: true,
        withdrawnAt: true,
        createdAt: true,
        author: person,
        voiceMemos: { orderBy: { createdAt: "asc" }, select: { id: true } },
      },
    },
    // The safety plan as it stands and every version kept: both people wrote it, both exports carry it.
    safetyPlan: {
      select: {
        id: true,
        content: true,
        version: true,
        updatedAt: true,
        updatedBy: person,
        versions: { orderBy: { version: "asc" }, select: { id: true, version: true, content: true, createdAt: true, author: person } },
      },
    },
    ladderSteps: {
      orderBy: [{ expectedAnxiety: "asc" }, { createdAt: "asc" }],
      select: { id: true, text: true, expectedAnxiety: true, createdAt: true, createdBy: person },
    },
    checkIns: {
      orderBy: { createdAt: "asc" },
      select: { personal: true, relationships: true, social: true, overall: true, sessionId: true, createdAt: true },
    },
    measureAssignments: {
      orderBy: { createdAt: "asc" },
      select: {
        kind: true,
        schedule: true,
        intervalWeeks: true,
        createdAt: true,
        stoppedAt: true,
        id: true,
        responses: {
          where: { completedAt: { not: null } },
          orderBy: { completedAt: "asc" },
          select: { periodKey: true, answers: true, difficulty: true, total: true, completedAt: true },
        },
      },
    },
    // The therapist's off-track reviews: their working note, so never in a client's export (an id list matching nothing).
    offTrackReviews: {
      where: audience === "therapist" ? {} : { id: { in: [] } },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, items: true, note: true, createdAt: true, response: { select: { completedAt: true, total: true } } },
    },
  } satisfies Prisma.EngagementSelect;
}

type TEngagementRow = Prisma.EngagementGetPayload<{ select: ReturnType<typeof engagementSelect> }>;

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);
const localDate = (value: Date | null): string | null => (value ? dbToLocalDate(value) : null);
const byline = (who: { name: string; role: Role }) => ({ name: who.name, role: who.role });

type TEntryRow = TEngagementRow["homeworkAssignments"][number]["entries"][number];

/** One exercise entry, its answers opened and read with its own form version's questions. */
function shapeEntry(entry: TEntryRow, formOf: ReturnType<typeof formOpener>, ladder: ReadonlyMap<string, string>) {
  const form = formOf(entry.form);
  const answers = openEntryAnswers({ occurrenceId: entry.occurrenceId, formId: entry.form.id, answers: entry.answers });
  return {
    formVersion: entry.form.version,
    state: entry.sentAt ? ("sent" as const) : ("draft" as const),
    sentAt: iso(entry.sentAt),
    lastSavedAt: iso(entry.updatedAt),
    answers: readableAnswers(form, answers, ladder),
    skill: entry.sentAt ? skillLabel(entry.skillRating) : null,
  };
}

type TAssignmentRow = TEngagementRow["homeworkAssignments"][number];

/** One assignment, each day with what was recorded and, for an exercise, the entry the audience may read. */
function shapeAssignment(engagementId: string, assignment: TAssignmentRow, formOf: ReturnType<typeof formOpener>, ladderWords: ReadonlyMap<string, string>) {
  const entries = new Map(assignment.entries.map((entry) => [entry.occurrenceId, entry]));
  return {
    ...openAssignmentText({ engagementId, assignmentId: assignment.id }, { title: assignment.title, instructions: assignment.instructions }),
    kind: assignment.kind,
    exerciseFormVersion: assignment.form?.version ?? null,
    schedule: {
      kind: assignment.schedule,
      startsOn: localDate(assignment.startsOn),
      endsOn: localDate(assignment.endsOn),
      timesPerWeek: assignment.timesPerWeek,
    },
    goal: assignment.goal ? openGoalTitle({ engagementId: assignment.goal.engagementId, goalId: assignment.goal.id }, assignment.goal.title) : null,
    status: assignment.status,
    assignedAt: iso(assignment.createdAt),
    cancelledAt: iso(assignment.cancelledAt),
    occurrences: assignment.occurrences.map((occurrence) => {
      const done = occurrence.completion;
      const owner = { occurrenceId: occurrence.id };
      const entry = entries.get(occurrence.id);
      return {
        opensOn: localDate(occurrence.opensOn),
        dueOn: localDate(occurrence.dueOn),
        status: done?.status ?? "not_recorded",
        recordedAt: iso(done?.completedAt ?? null),
        response: done ? openField("completionResponse", owner, done.response) : null,
        obstacle: done ? openField("completionObstacle", owner, done.obstacle) : null,
        difficulty: done?.difficulty ?? null,
        helpfulness: done?.helpfulness ?? null,
        therapistReply:
          done?.feedback != null
            ? {
                text: openField("completionFeedback", owner, done.feedback),
                at: iso(done.feedbackAt),
                by: done.feedbackBy?.name ?? null,
              }
            : null,
        exercise: entry ? shapeEntry(entry, formOf, ladderWords) : null,
      };
    }),
  };
}

function shapeEngagement(row: TEngagementRow) {
  const ladder = row.ladderSteps.map((step) => ({
    id: step.id,
    text: openField("ladderStepText", { engagementId: row.id, stepId: step.id }, step.text),
    expectedAnxiety: step.expectedAnxiety,
    addedAt: iso(step.createdAt),
    addedBy: byline(step.createdBy),
  }));
  const ladderWords = new Map(ladder.map((step) => [step.id, step.text]));
  // Versions are shared by many entries: each is opened once.
  const formOf = formOpener();
  return {
    id: row.id,
    status: row.status,
    invitedAt: iso(row.createdAt),
    startedAt: iso(row.startedAt),
    endedAt: iso(row.endedAt),
    therapist: { name: row.therapist.name, email: row.therapist.email },
    client: row.client ? { name: row.client.name, email: row.client.email } : null,
    goals: row.goals.map((goal) => ({
      ...openGoalText(
        { engagementId: row.id, goalId: goal.id },
        { title: goal.title, description: goal.description, whyItMatters: goal.whyItMatters },
      ),
      status: goal.status,
      targetDate: localDate(goal.targetDate),
      createdAt: iso(goal.createdAt),
      createdBy: byline(goal.createdBy),
      statusHistory: goal.statusChanges.map((change) => ({
        from: change.fromStatus,
        to: change.toStatus,
        note: openStatusNote(goal.id, change),
        at: iso(change.createdAt),
        by: byline(change.changedBy),
      })),
      steps: goal.steps.map((step) => ({ text: openStepText(goal.id, step), position: step.position, doneAt: iso(step.doneAt) })),
      ratings: goal.ratings.map((rating) => ({
        value: rating.value,
        note: openRatingNote(goal.id, rating),
        by: { name: rating.author.name, role: rating.authorRole },
        sessionId: rating.sessionId,
        at: iso(rating.createdAt),
      })),
    })),
    homework: row.homeworkAssignments.map((assignment) => shapeAssignment(row.id, assignment, formOf, ladderWords)),
    ladder: ladder.map(({ id: _id, ...step }) => step),
    sessions: row.sessions.map((session) => ({
      id: session.id,
      startsAt: iso(session.startsAt),
      durationMinutes: session.durationMinutes,
      status: session.status,
      location: session.location,
      videoUrl: session.videoUrl,
      agenda: session.agendaItems.map((item) => ({
        text: openField("agendaText", { sessionId: session.id, authorId: item.authorId }, item.text),
        kind: item.kind,
        status: item.status,
        author: byline(item.author),
        addedAt: iso(item.createdAt),
        fromMessageId: item.messageId,
      })),
      notes: session.notes.map((note) => ({
        kind: note.kind,
        audience: NOTE_AUDIENCE[note.kind],
        ...(note.kind === "client_takeaway" ? { isSharedWithTherapist: note.isSharedWithTherapist } : {}),
        text: openField("sessionNoteBody", { sessionId: session.id, kind: note.kind }, note.body),
        author: byline(note.author),
        writtenAt: iso(note.createdAt),
        updatedAt: iso(note.updatedAt),
      })),
      feedback: session.feedback
        ? {
            feltHeard: session.feedback.feltHeard,
            workedOnWanted: session.feedback.workedOnWanted,
            approachFit: session.feedback.approachFit,
            overall: session.feedback.overall,
            comment: openField("feedbackComment", { sessionId: session.id }, session.feedback.comment),
            at: iso(session.feedback.createdAt),
          }
        : null,
    })),
    conversation: {
      mode: row.conversation?.mode ?? "off",
      replyTime: row.conversation?.replyTime ?? "",
      messages: row.messages.map((message) => ({
        id: message.id,
        author: byline(message.author),
        sentAt: iso(message.createdAt),
        // Null once withdrawn: its words were erased then, and only the marker stays.
        text: message.body === null ? null : openField("messageBody", { engagementId: row.id, authorId: message.authorId, messageId: message.id }, message.body),
        withdrawnAt: iso(message.withdrawnAt),
        replyToId: message.replyToId,
        voiceMemoIds: message.voiceMemos.map((memo) => memo.id),
      })),
    },
    safetyPlan: row.safetyPlan
      ? {
          version: row.safetyPlan.version,
          updatedAt: iso(row.safetyPlan.updatedAt),
          updatedBy: byline(row.safetyPlan.updatedBy),
          sections: openPlanContent({ engagementId: row.id, planId: row.safetyPlan.id }, row.safetyPlan.content),
          versions: row.safetyPlan.versions.map((saved) => ({
            version: saved.version,
            savedAt: iso(saved.createdAt),
            by: byline(saved.author),
            sections: openVersionContent({ planId: row.safetyPlan!.id, versionId: saved.id }, saved.content),
          })),
        }
      : null,
    checkIns: row.checkIns.map((checkIn) => ({
      personal: checkIn.personal,
      relationships: checkIn.relationships,
      workSchoolSocial: checkIn.social,
      overall: checkIn.overall,
      sessionId: checkIn.sessionId,
      at: iso(checkIn.createdAt),
    })),
    questionnaires: row.measureAssignments.map((assignment) => ({
      name: INSTRUMENTS[assignment.kind].name,
      schedule: describeSchedule(assignment),
      assignedAt: iso(assignment.createdAt),
      stoppedAt: iso(assignment.stoppedAt),
      responses: assignment.responses.map((response) => ({
        // Completed responses only, so every item is answered.
        answers: openAnswers({ engagementId: row.id, assignmentId: assignment.id, periodKey: response.periodKey }, response.answers) as number[],
        difficulty: response.difficulty,
        total: response.total,
        severity: response.total === null ? null : bandFor(assignment.kind, response.total).label,
        at: iso(response.completedAt),
      })),
    })),
    /** Therapist's export only (empty in a client's, by the query). */
    offTrackReviews: row.offTrackReviews.map((review) => ({
      questionnaire: INSTRUMENTS[review.kind].name,
      aboutAnswerOf: iso(review.response.completedAt),
      totalThen: review.response.total,
      thoughtThrough: review.items.map((key) => OFF_TRACK_CHECKLIST.find((item) => item.key === key)?.label ?? key),
      note: openField("offTrackNote", { engagementId: row.id, reviewId: review.id }, review.note),
      at: iso(review.createdAt),
    })),
  };
}

export type TExportEngagement = ReturnType<typeof shapeEngagement>;

/** The engagements matching `where` (already limited to the caller's), as export data. */
export async function loadExportEngagements(
  db: TDb,
  where: Prisma.EngagementWhereInput,
  audience: TExportAudience,
  /** The therapist who takes the export: their own private notes only. */
  readerId?: string,
): Promise<TExportEngagement[]> {
  const rows = await db.engagement.findMany({
    where,
    orderBy: [{ startedAt: "asc" }, { createdAt: "asc" }],
    select: engagementSelect(audience, readerId),
  });
  return rows.map(shapeEngagement);
}

export { iso as exportTimestamp };
